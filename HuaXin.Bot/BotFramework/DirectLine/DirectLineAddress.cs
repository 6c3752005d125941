using System.Text.Json;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>The outbox address of a web-chat user: the Direct Line conversation, e.g. <c>{"conversationId":"…"}</c>.
/// Whoever records where a ticket update goes for a "directline" turn stores <see cref="For"/>(turn.ConversationId).</summary>
public sealed record DirectLineAddress(string ConversationId)
{
    public static string For(string conversationId) => JsonSerializer.Serialize(new DirectLineAddress(conversationId), BotJson.Options);

    public static DirectLineAddress? Parse(string address)
    {
        try
        {
            return JsonSerializer.Deserialize<DirectLineAddress>(address, BotJson.Options) is { ConversationId.Length: > 0 } parsed ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
