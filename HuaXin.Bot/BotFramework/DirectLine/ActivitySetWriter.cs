using System.Globalization;
using System.Text.Json;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>Writes Direct Line's ActivitySet <c>{"activities":[…],"watermark":"…"}</c>, the body of GET activities and of
/// every WebSocket frame. Stored activity JSON is copied as is, not parsed again.</summary>
internal static class ActivitySetWriter
{
    public static byte[] Write(IReadOnlyList<StoredActivity> activities, long watermark)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var activity in activities)
            {
                writer.WriteRawValue(activity.Json, skipInputValidation: true);
            }
            writer.WriteEndArray();
            writer.WriteString("watermark", watermark.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Empty, absent or "-" (the official client's "none yet") means from the start.</summary>
    public static bool TryParseWatermark(string? value, out long watermark)
    {
        watermark = 0;
        return string.IsNullOrEmpty(value) || value == "-"
            || (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out watermark));
    }
}
