namespace HuaXin.Bot.Tickets;

/// <summary>Deadlines in the group's time: "N 个工作日" skips Saturdays and Sundays (public holidays are not modelled).</summary>
public static class ServiceCalendar
{
    public static DateTimeOffset AddDays(DateTimeOffset start, int days, bool workingDays)
    {
        if (!workingDays)
        {
            return start.AddDays(days);
        }
        var local = ServiceTime.ToLocal(start);
        var added = 0;
        while (added < days)
        {
            local = local.AddDays(1);
            if (local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                added++;
            }
        }
        return local.ToUniversalTime();
    }
}
