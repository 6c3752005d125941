namespace HuaXin.Bot.Tickets;

/// <summary>The system clock in the group's time zone, whatever the server's: "明天上午" and ticket dates mean
/// China Standard Time even on a UTC host.</summary>
public sealed class ServiceTimeProvider : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => ServiceTime.Zone;
}
