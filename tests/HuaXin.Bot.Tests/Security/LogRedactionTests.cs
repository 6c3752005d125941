using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using HuaXin.Bot.Core;
using HuaXin.Bot.Tests.BotFramework;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HuaXin.Bot.Tests.Security;

/// <summary>Logs captured from the real host's logging pipeline at every level: no mobile number and no configured
/// secret is ever written, whether it came in a message, a structured value or an exception.</summary>
public sealed partial class LogRedactionTests
{
    private const string Phone = "13912345678";

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [Fact]
    public async Task No_mobile_number_or_secret_reaches_any_log_sink()
    {
        var sink = new CapturingProvider();
        using var factory = new BotAppFactory(new() { ["Logging:LogLevel:Default"] = "Trace" });
        using var app = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(sink)));
        factory.Bot.Reply = turn => throw new InvalidOperationException($"cannot reach {turn.Text}");
        var logger = app.Services.GetRequiredService<ILogger<LogRedactionTests>>();

        logger.LogTrace("Family member called from {Phone}", Phone);
        logger.LogDebug("Free text: 我的电话是 139 1234 5678，请回电");
        logger.LogInformation("Structured {Number} and {Text}", 13912345678L, "电话" + Phone);
        logger.LogWarning(new InvalidOperationException("user typed " + Phone), "Turn failed");
        logger.LogCritical("dash form 139-1234-5678");
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["text"] = "请联系 " + Phone;
        activity["deliveryMode"] = "expectReplies";
        using var client = app.CreateClient();
        using var response = await client.PostActivityAsync(activity, TestTokens.CreateEntra(TestTokens.AppId));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(sink.Entries, e => e.Contains("139****5678"));
        Assert.Contains(sink.Entries, e => e.Contains("cannot reach 请联系 139****5678"));
        var leaked = sink.Entries.Where(e => Mobile().IsMatch(e.Replace(" ", "").Replace("-", ""))).ToList();
        Assert.True(leaked.Count == 0, string.Join("\n", leaked));
        Assert.DoesNotContain(sink.Entries, e => e.Contains("test-secret"));
    }

    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("tel:+86 138 0013 8000.", "tel:+86 138****8000.")]
    [InlineData("工号 20261123001 不是手机", "工号 20261123001 不是手机")]
    [InlineData("HX-20261123-0001", "HX-20261123-0001")]
    [InlineData("12345678901", "12345678901")]
    public void Masks_mobile_numbers_only(string text, string expected) => Assert.Equal(expected, MobileNumber.MaskAll(text));

    private sealed class CapturingProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _entries = new();

        public IReadOnlyList<string> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new Logger(_entries);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            /// <summary>What any sink could write: the message, every structured value and the exception text.</summary>
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IReadOnlyList<KeyValuePair<string, object?>> list ? string.Join(" | ", list.Select(kv => $"{kv.Key}={kv.Value}")) : "";
                entries.Enqueue($"{logLevel}: {formatter(state, exception)} || {values} || {exception}");
            }
        }
    }
}
