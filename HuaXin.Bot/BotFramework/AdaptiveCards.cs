using System.Text.Json.Nodes;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Security;

namespace HuaXin.Bot.BotFramework;

/// <summary>Renders the channel-neutral <see cref="Card"/> as an Adaptive Card 1.5 (the highest version Teams renders).
/// Card text is plain text; TextBlock and FactSet read markdown, so it is escaped (<see cref="MarkupText"/>).</summary>
/// <remarks>
/// Buttons are <c>Action.Submit</c> whose data is the button's Data plus <c>msteams.messageBack</c>: Teams then posts
/// a message with <c>text</c> = the button's typed equivalent, shows the button title in the chat (a plain submit
/// leaves no trace for the user or the rest of a group) and puts the data in <c>value</c>; Web Chat ignores the
/// <c>msteams</c> property and submits the data as <c>value</c>. Either way <see cref="ActivityMapping"/> recovers the same
/// dictionary. Ticket cards use <c>Action.Execute</c> so a staff member's press answers with a refreshed card in place.
/// </remarks>
public static class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    /// <param name="fallbackText">What a client that cannot render the card shows; null when the activity's own text
    /// already is that (the card would only repeat it).</param>
    public static JsonObject Render(Card card, string? fallbackText)
    {
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = MarkupText.ForCardMarkdown(card.Title),
                ["weight"] = "Bolder",
                ["size"] = card.Kind == CardKinds.Welcome ? "Large" : "Medium",
                ["wrap"] = true,
                ["style"] = "heading",
            },
        };
        if (!string.IsNullOrWhiteSpace(card.Body))
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = MarkupText.ForCardMarkdown(card.Body), ["wrap"] = true });
        }
        if (card.Facts.Count > 0)
        {
            body.Add(card.Kind == CardKinds.Answer ? Citations(card.Facts) : FactSet(card.Facts));
        }

        var result = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
        };
        if (fallbackText is not null)
        {
            result["fallbackText"] = fallbackText;
        }
        result["body"] = body;
        var actions = new JsonArray();
        if (card.Details is { } details)
        {
            // Shown in place when tapped, so a phone screen starts with the short answer.
            actions.Add(new JsonObject
            {
                ["type"] = "Action.ShowCard",
                ["title"] = details.Title,
                ["card"] = new JsonObject
                {
                    ["type"] = "AdaptiveCard",
                    ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = details.Text, ["wrap"] = true, ["size"] = "Small" }),
                },
            });
        }
        var execute = card.Kind == CardKinds.Ticket;
        foreach (var button in card.Buttons)
        {
            actions.Add(execute ? ExecuteAction(button) : SubmitAction(button));
        }
        if (actions.Count > 0)
        {
            result["actions"] = actions;
        }
        // Teams otherwise renders cards at a narrow bubble width that wraps every fact.
        result["msteams"] = new JsonObject { ["width"] = "Full" };
        return result;
    }

    public static Attachment ToAttachment(Card card, string? fallbackText) =>
        new() { ContentType = ContentType, Content = Render(card, fallbackText) };

    private static JsonObject FactSet(IReadOnlyList<CardFact> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = MarkupText.ForCardMarkdown(f.Name), ["value"] = MarkupText.ForCardMarkdown(f.Value) }).ToArray()),
    };

    /// <summary>Citations read better as a quiet list under the answer than as a two-column fact table.</summary>
    private static JsonObject Citations(IReadOnlyList<CardFact> facts)
    {
        var items = new JsonArray();
        foreach (var fact in facts)
        {
            items.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = MarkupText.ForCardMarkdown(string.IsNullOrEmpty(fact.Name) ? fact.Value : $"{fact.Name}：{fact.Value}"),
                ["wrap"] = true,
                ["size"] = "Small",
                ["isSubtle"] = true,
            });
        }
        return new JsonObject { ["type"] = "Container", ["separator"] = true, ["spacing"] = "Medium", ["items"] = items };
    }

    private static JsonObject SubmitAction(CardButton button)
    {
        var data = DataObject(button.Data);
        data["msteams"] = new JsonObject
        {
            ["type"] = "messageBack",
            ["text"] = button.Text,
            ["displayText"] = button.Title,
            ["value"] = DataObject(button.Data),
        };
        return WithStyle(new JsonObject { ["type"] = "Action.Submit", ["title"] = button.Title, ["data"] = data }, button);
    }

    private static JsonObject ExecuteAction(CardButton button) => WithStyle(new JsonObject
    {
        ["type"] = "Action.Execute",
        ["title"] = button.Title,
        ["verb"] = button.Data.TryGetValue(CardData.Action, out var verb) ? verb : button.Text,
        ["data"] = DataObject(button.Data),
    }, button);

    private static JsonObject DataObject(IReadOnlyDictionary<string, string> data)
    {
        var result = new JsonObject();
        foreach (var (key, value) in data)
        {
            result[key] = value;
        }
        return result;
    }

    /// <summary>Colours the buttons whose consequence matters: confirming/closing green, cancelling red.</summary>
    private static JsonObject WithStyle(JsonObject action, CardButton button)
    {
        var style = button.Text switch
        {
            "确认" or "受理" or "办结" => "positive",
            "取消" => "destructive",
            _ => null,
        };
        if (style is not null)
        {
            action["style"] = style;
        }
        return action;
    }
}
