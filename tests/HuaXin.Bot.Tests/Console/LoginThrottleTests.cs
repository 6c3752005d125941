using HuaXin.Bot.Security;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using HuaXin.Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Tests.StaffConsole;

public sealed class LoginThrottleTests : IAsyncLifetime
{
    private static readonly ConsoleOptions Limits = new() { MaxFailedLogins = 3, LockoutMinutes = 15 };
    private readonly ServiceHarness _h = new();
    private LoginThrottle _throttle = null!;

    public async Task InitializeAsync()
    {
        await _h.InitializeAsync();
        _throttle = Throttle(_h);
    }

    private static LoginThrottle Throttle(ServiceHarness h) => new(h.Get<FailedAttempts>(), new StaticMonitor(Limits));

    [Fact]
    public async Task A_name_is_locked_after_the_allowed_failures_and_freed_when_the_window_passes()
    {
        for (var i = 0; i < 3; i++) await _throttle.RecordFailureAsync("Union", "203.0.113.9", default);

        Assert.True(await _throttle.IsLockedAsync("union", "203.0.113.9", default));   // names compare case-insensitively
        Assert.False(await _throttle.IsLockedAsync("admin", "203.0.113.9", default));
        _h.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.False(await _throttle.IsLockedAsync("union", "203.0.113.9", default));
    }

    [Fact]
    public async Task Failures_spread_beyond_the_window_do_not_add_up()
    {
        await _throttle.RecordFailureAsync("union", "203.0.113.9", default);
        await _throttle.RecordFailureAsync("union", "203.0.113.9", default);
        _h.Time.Advance(TimeSpan.FromMinutes(16));
        await _throttle.RecordFailureAsync("union", "203.0.113.9", default);

        Assert.False(await _throttle.IsLockedAsync("union", "203.0.113.9", default));
    }

    [Fact]
    public async Task A_success_clears_earlier_failures()
    {
        await _throttle.RecordFailureAsync("union", "203.0.113.9", default);
        await _throttle.RecordFailureAsync("union", "203.0.113.9", default);
        await _throttle.RecordSuccessAsync("union", "203.0.113.9", default);
        await _throttle.RecordFailureAsync("union", "203.0.113.9", default);

        Assert.False(await _throttle.IsLockedAsync("union", "203.0.113.9", default));
    }

    [Fact]
    public async Task Failures_on_one_instance_count_on_the_others()
    {
        await using var other = new ServiceHarness(TestDatabase.DefaultProvider, sharedConnectionString: _h.ConnectionString);
        var elsewhere = Throttle(other);

        await _throttle.RecordFailureAsync("union", "203.0.113.9", default);
        await elsewhere.RecordFailureAsync("union", "203.0.113.9", default);
        await _throttle.RecordFailureAsync("union", "203.0.113.9", default);

        Assert.True(await elsewhere.IsLockedAsync("union", "203.0.113.9", default));
    }

    [Fact]
    public async Task A_junk_name_of_any_length_is_counted_not_crashed_on()
    {
        var junk = new string('x', 5_000) + "\0";
        for (var i = 0; i < 3; i++) await _throttle.RecordFailureAsync(junk, "203.0.113.9", default);

        Assert.True(await _throttle.IsLockedAsync(junk, "203.0.113.9", default));
    }

    [Theory]
    [InlineData("13805312266", "138****2266")]
    [InlineData(" 13805312266 ", "138****2266")]
    [InlineData("12345", "*****")]
    [InlineData(null, "")]
    public void Phones_are_masked_to_first_three_and_last_four(string? phone, string expected) =>
        Assert.Equal(expected, PhoneMask.Mask(phone));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private sealed class StaticMonitor(ConsoleOptions value) : IOptionsMonitor<ConsoleOptions>
    {
        public ConsoleOptions CurrentValue => value;
        public ConsoleOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<ConsoleOptions, string?> listener) => null;
    }
}
