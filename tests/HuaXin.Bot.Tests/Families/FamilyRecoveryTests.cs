using static HuaXin.Bot.Tests.Families.FamilyScenario;

namespace HuaXin.Bot.Tests.Families;

/// <summary>On a new phone a family member gets their requests back with a ticket number and the last four digits of the
/// phone number on it (the tickets here carry 138 0531 2266); guessing is counted per phone and per ticket.</summary>
public sealed class FamilyRecoveryTests
{
    [Fact]
    public async Task A_new_phone_gets_the_old_phones_requests_back_and_both_see_each_others()
    {
        await using var s = await StartAsync();
        var number = await s.CreateTicketAsync(Web, "old-phone");
        Assert.Empty(await s.RequestsOfAsync(Web, "new-phone"));

        var reply = await s.SayAsync(Web, "new-phone", $"{number} 2266");
        var later = await s.CreateTicketAsync(Web, "new-phone");
        var supplemented = await s.SayAsync(Web, "new-phone", $"补充 {number} 需要轮椅");

        Assert.Contains("已找回", reply);
        Assert.Equal([later, number], await s.RequestsOfAsync(Web, "new-phone"));
        Assert.Equal([later, number], await s.RequestsOfAsync(Web, "old-phone"));
        Assert.DoesNotContain("不是您提交的", supplemented);
        Assert.Empty(await s.RequestsOfAsync(Web, "someone-else"));
    }

    [Theory]
    [InlineData("找回 {0} 2266")]
    [InlineData("{0}，手机尾号2266")]
    [InlineData("{0} 后四位：2266")]
    [InlineData("{0}手机号后四位是2266")]
    public async Task The_ways_people_write_number_and_digits_are_understood(string typed)
    {
        await using var s = await StartAsync();
        var number = await s.CreateTicketAsync(Web, "old-phone");

        Assert.Contains("已找回", await s.SayAsync(Web, "new-phone", string.Format(typed, number.ToLowerInvariant())));
    }

    [Fact]
    public async Task A_ticket_of_a_bound_family_links_the_new_phone_to_that_family()
    {
        await using var s = await StartAsync();
        await s.BindAsync("web-mum", Ding, "dt-zhang");
        var mine = await s.CreateTicketAsync(Web, "web-mum");
        var workers = await s.CreateTicketAsync(Ding, "dt-zhang");

        var reply = await s.SayAsync(Web, "mum-new-phone", $"{mine} 2266");

        Assert.Contains("职工家庭", reply);
        Assert.Contains((await s.LinksAsync()), l => l.UserId == "mum-new-phone" && l.WorkerId == s.Zhang);
        Assert.Equal([workers, mine], await s.RequestsOfAsync(Web, "mum-new-phone"));
    }

    [Fact]
    public async Task Wrong_digits_and_unknown_numbers_get_one_answer_and_change_nothing()
    {
        await using var s = await StartAsync();
        var number = await s.CreateTicketAsync(Web, "old-phone");

        var wrong = await s.SayAsync(Web, "guesser", $"{number} 1234");
        var unknown = await s.SayAsync(Web, "guesser", "HX-20990101-0001 2266");

        Assert.Equal(wrong, unknown);
        Assert.Contains("不对", wrong);
        Assert.Empty(await s.DeviceLinksAsync());
        Assert.Empty(await s.RequestsOfAsync(Web, "guesser"));
    }

    [Fact]
    public async Task A_ticket_stops_answering_after_five_wrong_tries_a_day_whoever_makes_them()
    {
        await using var s = await StartAsync();
        var number = await s.CreateTicketAsync(Web, "old-phone");
        for (var i = 0; i < 5; i++)
        {
            // A fresh identity each time, as a new cookie costs nothing.
            await s.SayAsync(Web, $"guesser-{i}", $"{number} {1000 + i}");
        }

        var refused = await s.SayAsync(Web, "guesser-5", $"{number} 2266");
        s.H.Time.Advance(TimeSpan.FromDays(1.1));
        var nextDay = await s.SayAsync(Web, "guesser-5", $"{number} 2266");

        Assert.Contains("次数太多", refused);
        Assert.Contains("已找回", nextDay);
    }

    [Fact]
    public async Task One_phone_gets_five_wrong_tries_an_hour_across_tickets_and_binding_codes()
    {
        await using var s = await StartAsync();
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add(await s.CreateTicketAsync(Web, $"owner-{i}"));
        }
        foreach (var number in numbers)
        {
            await s.SayAsync(Web, "guesser", $"{number} 9999");
        }

        Assert.Contains("次数太多", await s.SayAsync(Web, "guesser", $"{numbers[0]} 2266"));
        Assert.Contains("次数太多", await s.SayAsync(Web, "guesser", "绑定 ABCD2345"));
    }

    [Fact]
    public async Task A_number_the_phone_already_sees_goes_on_to_the_conversation()
    {
        await using var s = await StartAsync();
        var number = await s.CreateTicketAsync(Web, "old-phone");

        var reply = await s.SayAsync(Web, "old-phone", $"{number} 2266");

        Assert.DoesNotContain("已找回", reply);
        Assert.Empty(await s.DeviceLinksAsync());
    }
}
