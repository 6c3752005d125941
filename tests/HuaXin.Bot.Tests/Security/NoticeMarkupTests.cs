using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.DingTalk;
using HuaXin.Bot.Tests.BotFramework;
using HuaXin.Bot.Tests.DingTalk;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.Security;

/// <summary>Finding 12 beyond the ticket card: what a family adds later (补充) reaches the department as a notice, typed
/// into the chat over /api/chat and delivered through the outbox to DingTalk and Teams. The family's link stays text.</summary>
public sealed class NoticeMarkupTests
{
    private const string Link = "[请点此重新登录](https://evil.example)";

    private static Task<CreatedRequest> TicketAsync(IServiceProvider services) =>
        services.GetRequiredService<IServiceRequestStore>().CreateAsync(new NewServiceRequest(
            "medical", "集团工会", "api", "u1", "张大姐", new Dictionary<string, string>(), "我妈住院了", false, TimeSpan.FromHours(4)), default);

    private static async Task SupplementAsync(HttpClient client, string number)
    {
        using var response = await client.PostAsJsonAsync("/api/chat", new { conversationId = "c1", userId = "u1", text = $"补充 {number} {Link} **紧急**" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_supplement_with_a_link_reaches_the_DingTalk_group_as_text()
    {
        await using var fake = await FakeDingTalk.StartAsync();
        await using var app = new DingTalkAppFactory(fake, DingTalkMode.Callback, realBot: true, settings: new Dictionary<string, string?>
        {
            ["Departments:Destinations:集团工会:0:Channel"] = ChannelNames.DingTalk,
            ["Departments:Destinations:集团工会:0:Address"] = DingTalkReplyAddress.Group("cid-union").ToJson(),
        });
        app.StartServer();
        var ticket = await TicketAsync(app.Services);

        await SupplementAsync(app.CreateClient(), ticket.Number);

        var notice = await fake.WaitForSentAsync(m => m.Target == "cid-union" && m.Text.Contains("补充"), new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.Contains("evil.example", notice.Text);
        // Plain text (sampleText) shows as typed; markdown must carry the family's words escaped.
        if ((string?)notice.Body["msgKey"] != "sampleText")
        {
            Assert.DoesNotContain("](", notice.Text);
            Assert.DoesNotContain("[请点此", notice.Text);
            Assert.DoesNotContain("**紧急**", notice.Text);
        }
    }

    [Fact]
    public async Task A_supplement_with_a_link_reaches_the_Teams_channel_as_plain_text()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = await TeamsDepartment.StartAsync(connector);
        var ticket = await TicketAsync(app.Services);

        await SupplementAsync(app.CreateClient(), ticket.Number);

        await TeamsDepartment.WaitAsync(() => connector.SentActivities().Any(a => a.ToJsonString().Contains("evil.example")));
        var notice = connector.SentActivities().Single(a => a.ToJsonString().Contains("evil.example"));
        // Teams reads text as markdown unless told otherwise; a card's text must be escaped instead.
        if (notice["attachments"] is JsonArray { Count: > 0 } attachments)
        {
            Assert.DoesNotContain("](", attachments.ToJsonString());
        }
        if (notice["text"] is JsonValue text && text.GetValue<string>().Contains("evil.example"))
        {
            Assert.Equal("plain", notice["textFormat"]?.GetValue<string>());
        }
    }
}
