using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.DingTalk.Sending;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.StaffConsole;

/// <summary>The two things a link button can do to a ticket; transfers and notes need a form, not one tap.</summary>
public enum TicketLinkAction
{
    Accept,
    Resolve,
}

public enum ActionLinkState
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>What a valid link names: one ticket, one action, until when.</summary>
public sealed record ActionLink(string Number, TicketLinkAction Action, DateTimeOffset ExpiresAt)
{
    public string Verb => Action == TicketLinkAction.Accept ? "受理" : "办结";
}

/// <summary>Signed, expiring links to /console/act/{token} for the 受理/办结 buttons of ticket cards in chats that have no
/// interactive cards (DingTalk). The token is protected with the data protection key ring kept in the database, so any
/// instance can read it and nobody can forge or alter it. It names the ticket and the action only: who acts is the
/// signed-in console user, so a forwarded link gives an outsider nothing.</summary>
public sealed class ActionLinks(IDataProtectionProvider protection, IOptionsMonitor<ConsoleOptions> options, TimeProvider time) : IButtonLinks
{
    private static readonly Dictionary<string, TicketLinkAction> Verbs = new() { ["受理"] = TicketLinkAction.Accept, ["办结"] = TicketLinkAction.Resolve };
    private readonly IDataProtector _protector = protection.CreateProtector("HuaXin.Bot.TicketActionLink.v1");

    /// <summary>Links are only made when the console's public address is known.</summary>
    public bool Enabled => options.CurrentValue.PublicBaseUrl is not null;

    public Uri Create(string number, TicketLinkAction action)
    {
        var baseUrl = options.CurrentValue.PublicBaseUrl ?? throw new InvalidOperationException("Console:PublicBaseUrl is not set.");
        var expires = time.GetUtcNow().AddHours(options.CurrentValue.ActionLinkHours).ToUnixTimeSeconds();
        var token = Base64Url.EncodeToString(_protector.Protect(Encoding.UTF8.GetBytes($"{number}|{action}|{expires}")));
        return new Uri(baseUrl, $"console/act/{token}");
    }

    public (ActionLinkState State, ActionLink? Link) Read(string token)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(Base64Url.DecodeFromChars(token))).Split('|');
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return (ActionLinkState.Invalid, null);
        }
        if (parts.Length != 3 || !Enum.TryParse<TicketLinkAction>(parts[1], out var action) || !long.TryParse(parts[2], out var expires))
        {
            return (ActionLinkState.Invalid, null);
        }
        var link = new ActionLink(parts[0], action, DateTimeOffset.FromUnixTimeSeconds(expires));
        return (time.GetUtcNow() < link.ExpiresAt ? ActionLinkState.Valid : ActionLinkState.Expired, link);
    }

    /// <summary>The message with a link ("url" in the button data) on each 受理/办结 button of a ticket card; other
    /// messages, and every message when links are off, unchanged.</summary>
    public OutboundMessage AddTo(OutboundMessage message)
    {
        if (!Enabled || message.Card is not { Kind: CardKinds.Ticket } card)
        {
            return message;
        }
        var buttons = card.Buttons.Select(b =>
            Verbs.TryGetValue(b.Title, out var action) && b.Data.TryGetValue(CardData.Ticket, out var number)
                ? b with { Data = new Dictionary<string, string>(b.Data) { ["url"] = Create(number, action).ToString() } }
                : b).ToList();
        return message with { Card = card with { Buttons = buttons } };
    }
}
