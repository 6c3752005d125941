namespace HuaXin.Bot.Tests.DirectLine;

/// <summary>A cancellation that only stops a broken test from hanging the run; no test asserts on timing.</summary>
internal static class Hang
{
    public static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
}
