using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuaXin.Bot.BotFramework.Connector;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.BotFramework;

/// <summary>Finding 16 in Teams, through /api/messages, the real turn pipeline, the outbox and a Connector on real HTTP:
/// a pressed ticket card is updated for everyone, staff are known by their Entra object id, and personal notices go to
/// the user's one-to-one chat, never to the group they last wrote from.</summary>
public sealed class TeamsConversationTests
{
    private const string StaffAadObjectId = "5b0d6c7e-0000-4000-8000-000000000001";
    private const string UserAadObjectId = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8";

    private static Dictionary<string, string?> Settings(FakeConnector connector) => new()
    {
        ["Bot:TokenEndpoint"] = connector.BaseUrl + "token",
        // Staff are configured with the id administrators see in Entra.
        ["Staff:Members:0:Channel"] = "msteams",
        ["Staff:Members:0:UserId"] = StaffAadObjectId,
        ["Staff:Members:0:Name"] = "张伟",
        ["Staff:Members:0:Department"] = "集团工会",
        ["Staff:Members:1:Channel"] = "api",
        ["Staff:Members:1:UserId"] = "staff-api",
        ["Staff:Members:1:Name"] = "王工会",
        ["Staff:Members:1:Department"] = "集团工会",
    };

    private static string Readable(JsonNode json) =>
        json.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Fact]
    public async Task A_press_on_a_ticket_card_updates_the_card_message_for_everyone_in_the_channel()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = new BotAppFactory(Settings(connector), realMessaging: true, realBot: true);
        var ticket = await app.Services.GetRequiredService<IServiceRequestStore>().CreateAsync(new NewServiceRequest(
            "medical", "集团工会", "api", "u1", "张大姐", new Dictionary<string, string>(), "我妈住院了", false, TimeSpan.FromHours(4)), default);
        var press = Fixtures.Load("teams-action-execute.json");
        press["serviceUrl"] = connector.BaseUrl;
        press["value"]!["action"]!["data"] = new JsonObject { ["action"] = $"受理 {ticket.Number}", ["ticket"] = ticket.Number };

        using var response = await app.CreateClient().PostActivityAsync(press);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已受理", Readable(JsonNode.Parse(await response.Content.ReadAsStringAsync())!));
        await TeamsDepartment.WaitAsync(() => connector.Requests.Any(r => r.Method == "PUT"));
        var update = Assert.Single(connector.Requests, r => r.Method == "PUT");
        Assert.Equal("/v3/conversations/19:abc123@thread.tacv2;messageid=1600000000000/activities/1600000000000", update.Path);
        Assert.Contains("已受理", Readable(update.Body!));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        Assert.Equal($"msteams:{StaffAadObjectId}", (await db.ServiceRequests.SingleAsync(r => r.Number == ticket.Number)).Assignee);
    }

    [Fact]
    public async Task A_notice_for_a_user_who_last_wrote_in_a_group_chat_goes_to_their_personal_chat()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = new BotAppFactory(Settings(connector), realMessaging: true, realBot: true);
        using var client = app.CreateClient();
        var group = Fixtures.Load("teams-personal-message.json");
        group["serviceUrl"] = connector.BaseUrl;
        group["conversation"] = new JsonObject { ["id"] = "19:groupchat@thread.v2", ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = "tenant-1" };
        group["text"] = "你好";
        Assert.Equal(HttpStatusCode.OK, (await client.PostActivityAsync(group)).StatusCode);
        await TeamsDepartment.WaitAsync(() => connector.Requests.Any(r => r.Path.StartsWith("/v3/conversations/19:groupchat@thread.v2/")));
        var ticket = await app.Services.GetRequiredService<IServiceRequestStore>().CreateAsync(new NewServiceRequest(
            "medical", "集团工会", "msteams", UserAadObjectId, "Megan", new Dictionary<string, string>(), "我妈住院了", false, TimeSpan.FromHours(4)), default);

        var accept = await client.PostAsJsonAsync("/api/chat", new { conversationId = "staff", userId = "staff-api", text = $"受理 {ticket.Number}" });

        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        await TeamsDepartment.WaitAsync(() => connector.Requests.Any(r => r.Path == "/v3/conversations"));
        var personal = Assert.Single(connector.Requests, r => r.Path == "/v3/conversations");
        Assert.Equal("29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw", personal.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Null(personal.Body["channelData"]?["channel"]);
        Assert.Contains(ticket.Number, personal.Body["activity"]!["text"]!.GetValue<string>());
        Assert.DoesNotContain(connector.Requests, r => r.Path.StartsWith("/v3/conversations/19:groupchat@thread.v2/") && Readable(r.Body!).Contains(ticket.Number));
        Assert.True(await app.Services.GetRequiredService<TrustedServiceUrls>().IsTrustedAsync(connector.BaseUrl, default));
    }
}
