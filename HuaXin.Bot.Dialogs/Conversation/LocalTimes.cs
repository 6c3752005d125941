using System.Globalization;

namespace HuaXin.Bot.Dialogs.Conversation;

internal static class LocalTimes
{
    /// <summary>"12月5日 08:40" in the deployment's time zone: how a time is said to a family.</summary>
    public static string Short(this TimeProvider time, DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, time.LocalTimeZone).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
}
