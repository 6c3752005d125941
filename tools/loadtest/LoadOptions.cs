using System.Globalization;

namespace HuaXin.LoadTest;

/// <summary>Command line: --target messages|directline|bare|botbuilder, --url, --concurrency, --duration (20s, 500ms,
/// 1m), --max-turns (a hard bound whatever the duration), --pid (the service process, for its peak memory).</summary>
public sealed record LoadOptions(string Target, Uri Url, int Concurrency, TimeSpan Duration, int MaxTurns, int? Pid)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }
            values[args[i][2..]] = args[i + 1];
        }
        var target = values.GetValueOrDefault("target", "messages").ToLowerInvariant();
        if (target is not ("messages" or "directline" or "bare" or "botbuilder"))
        {
            throw new ArgumentException("--target must be messages, directline, bare or botbuilder.");
        }
        var url = new Uri(values.GetValueOrDefault("url", target switch
        {
            "bare" => "http://127.0.0.1:5302",
            "botbuilder" => "http://127.0.0.1:5303",
            _ => "http://127.0.0.1:5301",
        }));
        // Load is only ever aimed at this machine.
        if (!url.IsLoopback)
        {
            throw new ArgumentException("--url must be a loopback address (127.0.0.1).");
        }
        var concurrency = int.Parse(values.GetValueOrDefault("concurrency", "16"), CultureInfo.InvariantCulture);
        var duration = ParseDuration(values.GetValueOrDefault("duration", "20s"));
        if (concurrency is < 1 or > 1024 || duration <= TimeSpan.Zero || duration > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException("--concurrency must be 1–1024 and --duration at most 10m.");
        }
        var maxTurns = int.Parse(values.GetValueOrDefault("max-turns", "1000000"), CultureInfo.InvariantCulture);
        int? pid = values.TryGetValue("pid", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : null;
        return new LoadOptions(target, url, concurrency, duration, maxTurns, pid);
    }

    private static TimeSpan ParseDuration(string text) => text switch
    {
        _ when text.EndsWith("ms", StringComparison.Ordinal) => TimeSpan.FromMilliseconds(double.Parse(text[..^2], CultureInfo.InvariantCulture)),
        _ when text.EndsWith('s') => TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        _ when text.EndsWith('m') => TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        _ => TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture)),
    };
}
