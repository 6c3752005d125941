using System.Collections.Concurrent;
using System.Diagnostics;

namespace HuaXin.LoadTest;

/// <summary>Runs <see cref="LoadOptions.Concurrency"/> virtual users back to back (closed loop) until the duration or
/// the turn bound is reached, timing every turn.</summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(LoadOptions options, ITarget target)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
        // Users are set up before the clock starts: token and conversation are not what is measured.
        var sessions = await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(u => target.StartUserAsync(http, u, CancellationToken.None)));

        using var stop = new CancellationTokenSource(options.Duration);
        var latencies = new ConcurrentBag<List<double>>();
        var errors = 0;
        long started = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(user => Task.Run(async () =>
        {
            var mine = new List<double>(4096);
            latencies.Add(mine);
            long turn;
            while (!stop.IsCancellationRequested && (turn = Interlocked.Increment(ref started)) <= options.MaxTurns)
            {
                var begin = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await target.TurnAsync(http, sessions[user], user, turn, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break; // cut off by the end of the run, not a failure
                }
                catch (Exception)
                {
                    ok = false;
                }
                if (ok)
                {
                    mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(options.Target, options.Concurrency, elapsed, all, errors, PeakMemory.OfProcess(options.Pid));
    }
}

public sealed record LoadResult(string Target, int Concurrency, TimeSpan Elapsed, double[] SortedLatenciesMs, int Errors, long? PeakBytes)
{
    public double TurnsPerSecond => SortedLatenciesMs.Length / Elapsed.TotalSeconds;

    public double Percentile(double p) => SortedLatenciesMs.Length == 0
        ? double.NaN
        : SortedLatenciesMs[Math.Min(SortedLatenciesMs.Length - 1, (int)Math.Ceiling(p / 100 * SortedLatenciesMs.Length) - 1)];
}
