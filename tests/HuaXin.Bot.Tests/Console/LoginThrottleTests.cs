using HuaXin.Bot.StaffConsole;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HuaXin.Bot.Tests.StaffConsole;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests()
    {
        var options = new ConsoleOptions { MaxFailedLogins = 3, LockoutMinutes = 15 };
        _throttle = new LoginThrottle(new StaticMonitor(options), _time);
    }

    [Fact]
    public void A_name_is_locked_after_the_allowed_failures_and_freed_when_the_window_passes()
    {
        for (var i = 0; i < 3; i++) _throttle.RecordFailure("Union");

        Assert.True(_throttle.IsLocked("union"));   // names compare case-insensitively
        Assert.False(_throttle.IsLocked("admin"));
        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.False(_throttle.IsLocked("union"));
    }

    [Fact]
    public void Failures_spread_beyond_the_window_do_not_add_up()
    {
        _throttle.RecordFailure("union");
        _throttle.RecordFailure("union");
        _time.Advance(TimeSpan.FromMinutes(16));
        _throttle.RecordFailure("union");

        Assert.False(_throttle.IsLocked("union"));
    }

    [Fact]
    public void A_success_clears_earlier_failures()
    {
        _throttle.RecordFailure("union");
        _throttle.RecordFailure("union");
        _throttle.RecordSuccess("union");
        _throttle.RecordFailure("union");

        Assert.False(_throttle.IsLocked("union"));
    }

    [Theory]
    [InlineData("13805312266", "138****2266")]
    [InlineData(" 13805312266 ", "138****2266")]
    [InlineData("12345", "*****")]
    [InlineData(null, "")]
    public void Phones_are_masked_to_first_three_and_last_four(string? phone, string expected) =>
        Assert.Equal(expected, PhoneMask.Mask(phone));

    private sealed class StaticMonitor(ConsoleOptions value) : IOptionsMonitor<ConsoleOptions>
    {
        public ConsoleOptions CurrentValue => value;
        public ConsoleOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<ConsoleOptions, string?> listener) => null;
    }
}
