using System.Globalization;
using HuaXin.LoadTest;

// dotnet run --project tools/loadtest -c Release -- --target messages|directline|bare|botbuilder --concurrency N --duration 20s [--url http://127.0.0.1:PORT] [--pid PID]
// dotnet run --project tools/loadtest -c Release -- --serve-bare PORT      (the bare Kestrel reference endpoint)
if (args.Length == 2 && args[0] == "--serve-bare")
{
    await BareServer.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
    return 0;
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

ITarget target = options.Target switch
{
    "directline" => new DirectLineTarget(),
    "bare" => new BareTarget(),
    "botbuilder" => new MessagesTarget(expectBotReplyText: true),
    _ => new MessagesTarget(expectBotReplyText: false),
};
var result = await LoadRunner.RunAsync(options, target);
var peak = result.PeakBytes is { } bytes ? $"{bytes / 1024.0 / 1024.0:F0} MB" : "n/a";
// One line per run, the table's row; scripts/load.sh collects them.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {result.Target,-10} | {result.Concurrency,4} | {result.SortedLatenciesMs.Length,7} | {result.TurnsPerSecond,8:F0} | {result.Percentile(50),7:F1} | {result.Percentile(95),7:F1} | {result.Percentile(99),7:F1} | {result.Errors,6} | {peak,8} |"));
return 0;
