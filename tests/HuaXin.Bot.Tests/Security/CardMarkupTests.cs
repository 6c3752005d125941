using System.Text.Json.Nodes;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.DingTalk;
using HuaXin.Bot.Tests.BotFramework;
using HuaXin.Bot.Tests.DingTalk;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.Security;

/// <summary>Finding 12: a family's words reach staff in ticket cards (DingTalk markdown, Adaptive Cards in Teams) as the
/// family wrote them, never as a link, image or emphasis carrying the bot's authority.</summary>
public sealed class CardMarkupTests
{
    private const string Said = "[请点此重新登录](https://evil.example) ![x](https://evil.example/pixel.png) **紧急** <at>全体</at>";

    private static Task<CreatedRequest> TicketAsync(IServiceProvider services) =>
        services.GetRequiredService<IServiceRequestStore>().CreateAsync(new NewServiceRequest(
            "medical", "集团工会", "api", "u1", "[管理员](https://evil.example)",
            new Dictionary<string, string> { ["description"] = Said }, Said, false, TimeSpan.FromHours(4)), default);

    private static void AssertNoMarkupFromTheFamily(string text)
    {
        Assert.DoesNotContain("](", text);
        Assert.DoesNotContain("[请点此", text);
        Assert.DoesNotContain("**紧急**", text);
        Assert.DoesNotContain("<at>", text);
        Assert.Contains("［请点此重新登录］(https://evil.example)", text);
    }

    [Fact]
    public async Task A_Teams_ticket_card_shows_the_family_s_link_as_text()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = await TeamsDepartment.StartAsync(connector);
        using var client = app.CreateClient();

        await TicketAsync(app.Services);

        await TeamsDepartment.WaitAsync(() => !connector.Requests.IsEmpty);
        var card = connector.SentActivities().Single()["attachments"]![0]!["content"]!;
        var texts = card["body"]!.AsArray().SelectMany(Texts).ToList();
        AssertNoMarkupFromTheFamily(string.Join("\n", texts));
    }

    [Fact]
    public async Task A_DingTalk_ticket_card_shows_the_family_s_link_as_text()
    {
        await using var fake = await FakeDingTalk.StartAsync();
        await using var app = new DingTalkAppFactory(fake, DingTalkMode.Callback, settings: new Dictionary<string, string?>
        {
            ["Departments:Destinations:集团工会:0:Channel"] = ChannelNames.DingTalk,
            ["Departments:Destinations:集团工会:0:Address"] = DingTalkReplyAddress.Group("cid-union").ToJson(),
        });
        app.StartServer();

        await TicketAsync(app.Services);

        var card = await fake.WaitForSentAsync(m => m.Target == "cid-union", new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        AssertNoMarkupFromTheFamily(card.Text);
        Assert.Contains("#### ", card.Text);
    }

    /// <summary>Every text of an Adaptive Card element: TextBlocks, FactSet titles and values, containers' items.</summary>
    private static IEnumerable<string> Texts(JsonNode? element) =>
        element switch
        {
            JsonObject { } o when o["type"]?.GetValue<string>() == "TextBlock" => [o["text"]!.GetValue<string>()],
            JsonObject { } o when o["type"]?.GetValue<string>() == "FactSet" =>
                o["facts"]!.AsArray().SelectMany(f => new[] { f!["title"]!.GetValue<string>(), f["value"]!.GetValue<string>() }),
            JsonObject { } o when o["items"] is JsonArray items => items.SelectMany(Texts),
            _ => [],
        };
}
