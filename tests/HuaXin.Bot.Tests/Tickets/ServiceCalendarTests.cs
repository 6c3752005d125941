using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.Tests.Tickets;

public sealed class ServiceCalendarTests
{
    [Fact]
    public void Resolution_deadlines_count_working_days()
    {
        // Friday 2026-11-20 10:00 in Shandong + 7 working days = Tuesday 2026-12-01 10:00.
        var friday = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)), ServiceCalendar.AddDays(friday, 7, workingDays: true));
        Assert.Equal(friday.AddDays(3), ServiceCalendar.AddDays(friday, 3, workingDays: false));
    }
}
