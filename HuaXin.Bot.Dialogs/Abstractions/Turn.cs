namespace HuaXin.Bot.Dialogs.Abstractions;

/// <summary>One inbound user turn, already translated from a channel's wire format.</summary>
/// <param name="Channel">Channel name: "api", "msteams", "directline", "dingtalk", "console".</param>
/// <param name="Value">Data of a pressed button or submitted card; null for typed text.</param>
public sealed record InboundTurn(
    string Channel,
    string ConversationId,
    string UserId,
    string? UserName,
    string? Text,
    IReadOnlyDictionary<string, string>? Value,
    string Locale,
    DateTimeOffset Timestamp)
{
    /// <summary>Key under which the conversation's state is kept: unique across channels.</summary>
    public string ConversationKey => $"{Channel}:{ConversationId}";
}

/// <summary>One outbound message. <see cref="Text"/> is always a complete text rendering, for channels without cards.</summary>
public sealed record OutboundMessage(
    string Text,
    Card? Card = null,
    IReadOnlyList<string>? SuggestedReplies = null);

/// <summary>A channel-neutral card; adapters render it as an Adaptive Card, DingTalk markdown, etc.</summary>
/// <param name="Kind">What the card is: answer, summary, ticket, welcome, list, rating.</param>
public sealed record Card(
    string Kind,
    string Title,
    string? Body,
    IReadOnlyList<CardFact> Facts,
    IReadOnlyList<CardButton> Buttons)
{
    /// <summary>Longer text shown on demand (an answer's whole clause behind 查看原文).</summary>
    public CardDetails? Details { get; init; }
}

/// <param name="Title">What opens it, e.g. 查看原文.</param>
public sealed record CardDetails(string Title, string Text);

public sealed record CardFact(string Name, string Value);

/// <summary>A button. <see cref="Text"/> is what a user can type instead of pressing it; pressing sends <see cref="Data"/>
/// (which always carries "action" = <see cref="Text"/>).</summary>
public sealed record CardButton(string Title, string Text, IReadOnlyDictionary<string, string> Data);
