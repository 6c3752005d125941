using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HuaXin.Bot.Tests.DingTalk;

public sealed class ActionLinkTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _keys = new();

    private ActionLinks Links(Uri? publicBaseUrl = null) =>
        new(_keys, new StaticOptions(new ConsoleOptions { PublicBaseUrl = publicBaseUrl ?? new Uri("https://hx.example/"), ActionLinkHours = 72 }), _time);

    [Fact]
    public void A_link_names_one_ticket_and_one_action_until_it_expires()
    {
        var links = Links();
        var url = links.Create("HX-20261123-0001", TicketLinkAction.Resolve);
        Assert.StartsWith("https://hx.example/console/act/", url.ToString());
        var token = url.Segments[^1];

        var (state, link) = links.Read(token);
        Assert.Equal(ActionLinkState.Valid, state);
        Assert.Equal(new ActionLink("HX-20261123-0001", TicketLinkAction.Resolve, _time.GetUtcNow().AddHours(72)), link);

        _time.Advance(TimeSpan.FromHours(72));
        Assert.Equal(ActionLinkState.Expired, links.Read(token).State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("%%%")]
    public void Junk_is_invalid(string token) => Assert.Equal(ActionLinkState.Invalid, Links().Read(token).State);

    [Fact]
    public void An_altered_or_foreign_token_is_invalid()
    {
        var token = Links().Create("HX-20261123-0001", TicketLinkAction.Accept).Segments[^1];
        var flipped = (token[10] == 'A' ? 'B' : 'A');
        Assert.Equal(ActionLinkState.Invalid, Links().Read(token[..10] + flipped + token[11..]).State);

        // Signed with another key ring (another deployment, or a forger's own): worthless here.
        var foreign = new ActionLinks(new EphemeralDataProtectionProvider(), new StaticOptions(new ConsoleOptions { PublicBaseUrl = new Uri("https://hx.example/") }), _time);
        Assert.Equal(ActionLinkState.Invalid, Links().Read(foreign.Create("HX-20261123-0001", TicketLinkAction.Accept).Segments[^1]).State);
    }

    [Fact]
    public void Only_the_accept_and_resolve_buttons_of_ticket_cards_get_links()
    {
        static CardButton Button(string verb) => new(verb, $"{verb} HX-20261123-0001",
            new Dictionary<string, string> { ["action"] = $"{verb} HX-20261123-0001", ["ticket"] = "HX-20261123-0001" });
        var ticket = new OutboundMessage("工单", new Card("ticket", "新工单", null, [], [Button("受理"), Button("转派"), Button("办结")]));

        var linked = Links().AddTo(ticket).Card!.Buttons;

        Assert.Equal([true, false, true], linked.Select(b => b.Data.ContainsKey("url")));
        Assert.Equal(TicketLinkAction.Resolve, Links().Read(new Uri(linked[2].Data["url"]).Segments[^1]).Link!.Action);
        var answer = new OutboundMessage("答", new Card("answer", "答", null, [], [Button("受理")]));
        Assert.Same(answer, Links().AddTo(answer));
    }

    [Fact]
    public void Without_a_public_address_no_links_are_made()
    {
        var links = new ActionLinks(_keys, new StaticOptions(new ConsoleOptions()), _time);
        var ticket = new OutboundMessage("工单", new Card("ticket", "新工单", null, [],
            [new CardButton("受理", "受理 HX-1", new Dictionary<string, string> { ["ticket"] = "HX-1" })]));

        Assert.False(links.Enabled);
        Assert.Same(ticket, links.AddTo(ticket));
    }

    private sealed class StaticOptions(ConsoleOptions value) : IOptionsMonitor<ConsoleOptions>
    {
        public ConsoleOptions CurrentValue => value;
        public ConsoleOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<ConsoleOptions, string?> listener) => null;
    }
}
