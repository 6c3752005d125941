using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.StaffConsole;

/// <summary>The board's 查找 takes a phone number as a clerk has it at hand — copied from a contact with +86, read out in
/// groups, a landline with its area code — and finds the ticket whose phone the chat stored (a mobile as its 11 digits,
/// a landline as 0531-88886601).</summary>
public sealed partial class BoardPhoneSearchTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Theory]
    [InlineData("13805319911", "mobile")]
    [InlineData("+86 138 0531 9911", "mobile")]
    [InlineData("0086-138-0531-9911", "mobile")]
    [InlineData("9911", "mobile")]
    [InlineData("0531-88886601", "landline")]
    [InlineData("(0531) 8888 6601", "landline")]
    [InlineData("88886601", "landline")]
    public async Task A_phone_written_any_common_way_finds_its_ticket(string query, string which)
    {
        var tickets = await TicketsAsync();
        var union = await app.SignedInAsync("union");

        var html = await union.GetStringAsync("/console/tickets?q=" + Uri.EscapeDataString(query));

        Assert.Equal([tickets[which]], Row().Matches(html).Select(m => m.Groups[1].Value));
    }

    /// <summary>One ticket with a mobile and one with a landline, stored as the chat stores them; once per host (by their request keys).</summary>
    private async Task<Dictionary<string, string>> TicketsAsync()
    {
        var store = app.Services.GetRequiredService<IServiceRequestStore>();
        var mobile = await store.CreateAsync(Request("mobile-user", "13805319911"), default);
        var landline = await store.CreateAsync(Request("landline-user", "0531-88886601"), default);
        return new() { ["mobile"] = mobile.Number, ["landline"] = landline.Number };
    }

    private static NewServiceRequest Request(string userId, string phone) => new(
        "medical", "集团工会", "test", userId, "张大姐", new Dictionary<string, string> { ["phone"] = phone }, "我妈住院了没人照顾", false, TimeSpan.FromHours(4),
        RequestKey: $"board-search:{userId}");

    [GeneratedRegex("<tr data-number=\"([^\"]+)\"")]
    private static partial Regex Row();
}
