using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

// Opens the family page in Debian's Chromium as a phone on a slow line and reports, per cold visit (empty cache, no
// cookie) and per repeat visit (cached), how long until the text box accepts typing, until a question typed at once is
// answered, and how many bytes crossed the network. A benchmark: it reports numbers, it asserts nothing.
//   dotnet run --project benchmarks/HuaXin.Bot.PageLoad -- --url http://127.0.0.1:5311/ [--runs 5] [--input "#input"]
//       [--answer ".message.bot:not(.greeting)"] [--network slow3g|none] [--cpu 4]
var options = Options.Parse(args);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

var cold = new List<Visit>();
var warm = new List<Visit>();
for (var run = 0; run < options.Runs; run++)
{
    await using var context = await browser.NewContextAsync(new()
    {
        ViewportSize = new() { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        Locale = "zh-CN",
    });
    var page = await context.NewPageAsync();
    var network = await Throttle(context, page, options);
    cold.Add(await VisitAsync(page, network, options, ask: true));
    warm.Add(await VisitAsync(page, network, options, ask: false));
    Console.Error.WriteLine($"run {run + 1}: cold {cold[^1]}; repeat {warm[^1]}");
}

Console.WriteLine($"Chromium, 390×844 phone, network {options.Network} (latency {options.Profile.Latency} ms, {options.Profile.Down / 1000} kB/s down, {options.Profile.Up / 1000} kB/s up), CPU slowed {options.Cpu}×, {options.Runs} runs, median (min–max):");
Console.WriteLine("| visit | typing accepted | answer to a question typed at once | bytes received |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine(Row("first (empty cache)", cold));
Console.WriteLine(Row("repeat (cached)", warm));
return 0;

static async Task<Network> Throttle(IBrowserContext context, IPage page, Options options)
{
    var cdp = await context.NewCDPSessionAsync(page);
    var network = new Network();
    cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
    {
        if (e is { } json && json.TryGetProperty("encodedDataLength", out var length))
        {
            Interlocked.Add(ref network.Bytes, (long)length.GetDouble());
        }
    };
    await cdp.SendAsync("Network.enable");
    if (options.Profile.Latency > 0)
    {
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = options.Profile.Latency,
            ["downloadThroughput"] = options.Profile.Down,
            ["uploadThroughput"] = options.Profile.Up,
        });
    }
    await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = options.Cpu });
    return network;
}

static async Task<Visit> VisitAsync(IPage page, Network network, Options options, bool ask)
{
    Interlocked.Exchange(ref network.Bytes, 0);
    var clock = Stopwatch.StartNew();
    await page.GotoAsync(options.Url, new() { WaitUntil = WaitUntilState.Commit, Timeout = 180_000 });
    var input = page.Locator(options.Input).First;
    // Playwright waits until the box is visible, enabled and editable, then types; the character must stay in the box
    // (a page that re-renders its box while connecting drops it, and then typing was not yet accepted).
    while (true)
    {
        await input.PressSequentiallyAsync("好", new() { Timeout = 180_000 });
        if (await input.EvaluateAsync<bool>("box => (box.value || box.textContent).includes('好')") || clock.Elapsed > TimeSpan.FromMinutes(3))
        {
            break;
        }
    }
    var typing = clock.Elapsed;
    TimeSpan? answer = null;
    if (ask && options.Answer is { } answerSelector)
    {
        var before = await page.Locator(answerSelector).CountAsync();
        await input.FillAsync("困难帮扶有啥条件");
        await input.PressAsync("Enter");
        await page.Locator(answerSelector).Nth(before).WaitForAsync(new() { Timeout = 180_000 });
        answer = clock.Elapsed;
    }
    // Let late requests (the token, a socket) finish, so the byte count is the whole visit.
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 180_000 });
    return new Visit(typing, answer, Interlocked.Read(ref network.Bytes));
}

static string Row(string name, List<Visit> visits)
{
    static string Seconds(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{sorted[sorted.Count / 2].TotalSeconds:0.0} s ({sorted[0].TotalSeconds:0.0}–{sorted[^1].TotalSeconds:0.0})");
    }
    var bytes = visits.Select(v => v.Bytes).Order().ToList();
    return $"| {name} | {Seconds(visits.Select(v => v.Typing))} | {Seconds(visits.Where(v => v.Answer is not null).Select(v => v.Answer!.Value))} | {bytes[bytes.Count / 2] / 1024.0:0} KiB |";
}

internal sealed class Network
{
    public long Bytes;
}

internal sealed record Visit(TimeSpan Typing, TimeSpan? Answer, long Bytes)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"typing {Typing.TotalSeconds:0.0} s, answer {(Answer is { } a ? $"{a.TotalSeconds:0.0} s" : "—")}, {Bytes / 1024.0:0} KiB");
}

/// <summary>Chrome DevTools' "Slow 3G" preset: 2 s added to every request, 50 kB/s each way.</summary>
internal sealed record NetworkProfile(int Latency, int Down, int Up)
{
    public static readonly NetworkProfile Slow3G = new(2000, 50_000, 50_000);
    public static readonly NetworkProfile None = new(0, 0, 0);
}

internal sealed record Options(string Url, int Runs, string Input, string? Answer, string Network, NetworkProfile Profile, double Cpu)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var network = Value("--network") ?? "slow3g";
        return new Options(
            Value("--url") ?? "http://127.0.0.1:5311/",
            int.Parse(Value("--runs") ?? "5", CultureInfo.InvariantCulture),
            Value("--input") ?? "#input",
            Value("--answer") ?? ".message.bot:not(.greeting)",
            network,
            network == "none" ? NetworkProfile.None : NetworkProfile.Slow3G,
            double.Parse(Value("--cpu") ?? "4", CultureInfo.InvariantCulture));
    }
}
