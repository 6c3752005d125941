using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.BotFramework;

/// <summary>Translates between Bot Framework activities and the neutral turn/message records.</summary>
public static class ActivityMapping
{
    public const string DefaultLocale = "zh-CN";

    /// <summary>Renders a neutral message as a message activity: card as an Adaptive Card attachment, suggested replies
    /// as imBack actions. Addressing is left to the caller (<see cref="AddressedAsReplyTo"/> or the channel).</summary>
    /// <param name="textWithCard">False puts the text of a card message into <c>summary</c> (and the card's fallbackText)
    /// instead of <c>text</c>: Teams shows text and card as two bubbles and the text would repeat the card. True keeps it
    /// in <c>text</c> only, which is what a client that cannot render the card shows.</param>
    /// <param name="recipientId">Who the suggested actions are for.</param>
    public static Activity ToActivity(this OutboundMessage message, bool textWithCard = true, string? recipientId = null)
    {
        var hasCard = message.Card is not null;
        return new Activity
        {
            Type = ActivityTypes.Message,
            TextFormat = "plain",
            Text = hasCard && !textWithCard ? null : message.Text,
            Summary = hasCard && !textWithCard ? Summarize(message.Text) : null,
            Attachments = hasCard ? [AdaptiveCards.ToAttachment(message.Card!, textWithCard ? null : message.Text)] : null,
            SuggestedActions = message.SuggestedReplies is { Count: > 0 } replies
                ? new SuggestedActions
                {
                    Actions = replies.Select(r => new CardAction { Type = "imBack", Title = r, Value = r }).ToArray(),
                    To = recipientId is null ? [] : [recipientId],
                }
                : null,
            InputHint = message.SuggestedReplies is { Count: > 0 } ? "expectingInput" : "acceptingInput",
        };
    }

    /// <summary>Fills in the addressing of a reply to <paramref name="incoming"/>: the bot speaks as the recipient it was addressed as.</summary>
    public static Activity AddressedAsReplyTo(this Activity reply, Activity incoming) => reply with
    {
        ChannelId = incoming.ChannelId,
        ServiceUrl = incoming.ServiceUrl,
        Conversation = incoming.Conversation,
        From = incoming.Recipient,
        Recipient = incoming.From,
        ReplyToId = incoming.Id,
        Locale = reply.Locale ?? incoming.Locale,
        SuggestedActions = reply.SuggestedActions is { To.Count: 0 } s && incoming.From?.Id is { Length: > 0 } user
            ? s with { To = [user] }
            : reply.SuggestedActions,
    };

    /// <summary>Maps a message (typed text or card submit) or an <c>adaptiveCard/action</c> invoke to a turn.</summary>
    /// <param name="channel">Channel name for the turn; defaults to the activity's channelId.</param>
    public static InboundTurn ToInboundTurn(this Activity activity, DateTimeOffset receivedAt, string? channel = null)
    {
        var text = StripMentions(activity);
        return new InboundTurn(
            Channel: channel ?? activity.ChannelId ?? ChannelNames.BotFramework,
            ConversationId: activity.Conversation?.Id ?? "",
            UserId: UserIdOf(activity),
            UserName: string.IsNullOrWhiteSpace(activity.From?.Name) ? null : activity.From.Name,
            Text: string.IsNullOrWhiteSpace(text) ? null : text,
            Value: ButtonData(activity),
            Locale: string.IsNullOrWhiteSpace(activity.Locale) ? DefaultLocale : activity.Locale,
            Timestamp: activity.Timestamp ?? receivedAt);
    }

    /// <summary>Who the sender is for tickets, staff and families. In Teams the Entra object id (aadObjectId): the same
    /// person whatever the bot registration, and the id administrators see in Entra; from.id ("29:…") belongs to one
    /// bot and stays in the reply address, where the Connector needs it.</summary>
    public static string UserIdOf(Activity activity) =>
        string.Equals(activity.ChannelId, ChannelNames.Teams, StringComparison.OrdinalIgnoreCase) && activity.From?.AadObjectId is { Length: > 0 } aadObjectId
            ? aadObjectId
            : activity.From?.Id ?? "";

    /// <summary>Removes the bot's own @mention (Teams puts <c>&lt;at&gt;Bot&lt;/at&gt;</c> into the text in group chats and
    /// channels) and turns mentions of other people into their plain names.</summary>
    public static string? StripMentions(Activity activity)
    {
        var text = activity.Text;
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        foreach (var mention in activity.Entities ?? [])
        {
            // A JSON null in the list deserializes as a null element.
            if (mention?.Type != "mention" || string.IsNullOrEmpty(mention.Text))
            {
                continue;
            }
            var isBot = mention.Mentioned?.Id is { } id && string.Equals(id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase);
            var replacement = isBot ? "" : mention.Mentioned?.Name ?? StripAtTags(mention.Text);
            text = text.Replace(mention.Text, replacement, StringComparison.Ordinal);
        }
        // Teams pads mentions with non-breaking spaces, as a character or as the HTML entity, which Trim() would keep.
        return text.Replace("&nbsp;", " ", StringComparison.Ordinal).Replace('\u00a0', ' ').Trim();
    }

    private static string StripAtTags(string mentionText) => mentionText.Replace("<at>", "").Replace("</at>", "");

    /// <summary>The pressed button's data: a card submit's <c>value</c> (Teams messageBack delivers our data as is,
    /// Web Chat adds the unused <c>msteams</c> object) or an Action.Execute's <c>action.data</c> with its verb.</summary>
    private static IReadOnlyDictionary<string, string>? ButtonData(Activity activity)
    {
        if (activity.Type == ActivityTypes.Invoke)
        {
            if (activity.Name != ActivityTypes.AdaptiveCardActionInvoke || activity.Value?["action"] is not JsonObject action)
            {
                return null;
            }
            var data = Flatten(action["data"] as JsonObject) ?? new Dictionary<string, string>();
            if (!data.ContainsKey(CardData.Action) && action["verb"]?.GetValueKind() == JsonValueKind.String)
            {
                data[CardData.Action] = action["verb"]!.GetValue<string>();
            }
            return data.Count == 0 ? null : data;
        }
        return activity.Value is JsonObject value ? Flatten(value) : null;
    }

    /// <summary>Keeps the scalar fields; nested objects are transport details (msteams) or unsupported inputs.</summary>
    private static Dictionary<string, string>? Flatten(JsonObject? source)
    {
        if (source is null)
        {
            return null;
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in source)
        {
            var scalar = node?.GetValueKind() switch
            {
                JsonValueKind.String => node.GetValue<string>(),
                JsonValueKind.Number => node.ToJsonString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (scalar is not null)
            {
                result[key] = scalar;
            }
        }
        return result.Count == 0 ? null : result;
    }

    /// <summary>Notification previews show one short line.</summary>
    private static string? Summarize(string text)
    {
        var firstLine = text.Split('\n', 2)[0].Trim();
        if (firstLine.Length == 0)
        {
            return null;
        }
        var info = new StringInfo(firstLine);
        return info.LengthInTextElements <= 80 ? firstLine : info.SubstringByTextElements(0, 80) + "…";
    }
}
