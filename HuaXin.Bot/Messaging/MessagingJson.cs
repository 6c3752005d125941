using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace HuaXin.Bot.Messaging;

/// <summary>How turns and messages are stored in the inbound queue and the outbox.</summary>
public static class MessagingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Keep Chinese readable in the database for whoever inspects a parked message.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
