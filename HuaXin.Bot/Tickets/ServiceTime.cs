namespace HuaXin.Bot.Tickets;

/// <summary>The group works on China Standard Time: ticket numbers and dates shown to people use it.</summary>
public static class ServiceTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>A wall-clock time people wrote (forms, spreadsheets) as the instant it is in China, held in UTC.</summary>
    public static DateTimeOffset FromLocal(DateTime local) =>
        new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified))).ToUniversalTime();

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // Minimal containers may lack tzdata; China has no daylight saving, so a fixed offset is exact.
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
