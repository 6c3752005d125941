using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HuaXin.Bot.AI;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Tests.Knowledge;
using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HuaXin.Bot.Tests.AI;

/// <summary>The service's own composition (AddHuaXinServices, as the web host and the eval command build it) over the
/// small knowledge corpus of the knowledge tests and a throwaway database, pointed at a <see cref="ModelStub"/>.
/// Collects the "HuaXin.Bot.AI" metrics of this host only, and the log lines.</summary>
internal sealed class AIHost : IAsyncDisposable
{
    private readonly TempDirectory _dir;
    private readonly TestDatabase _database;
    private readonly WebApplication _app;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, IReadOnlyDictionary<string, string> Tags)> _measurements = new();

    private AIHost(TempDirectory dir, TestDatabase database, WebApplication app, ListLoggerProvider logs)
    {
        _dir = dir;
        _database = database;
        _app = app;
        Logs = logs;
        var scope = app.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AIMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => _measurements.Enqueue((instrument.Name,
            tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString() ?? ""))));
        _listener.Start();
    }

    public ListLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    public IKnowledgeService Knowledge => Services.GetRequiredService<IKnowledgeService>();

    public IRequestUnderstanding Understanding => Services.GetRequiredService<IRequestUnderstanding>();

    /// <summary>Settings for a stub; tests override single keys.</summary>
    private static Dictionary<string, string?> StubSettings(ModelStub stub) => new()
    {
        ["AI:Provider"] = "OpenAICompatible",
        ["AI:Endpoint"] = stub.OpenAIEndpoint.ToString(),
        ["AI:ApiKey"] = "test-key",
        ["AI:ChatModel"] = "stub-chat",
        ["AI:CallTimeout"] = "00:00:02",
        ["AI:TurnDeadline"] = "00:00:04",
    };

    /// <summary>A host talking to <paramref name="stub"/>, with some of its settings replaced.</summary>
    public static Task<AIHost> StartAsync(ModelStub stub, params (string Key, string? Value)[] overrides)
    {
        var settings = StubSettings(stub);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }
        return StartAsync(settings);
    }

    public static async Task<AIHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var dir = new TempDirectory();
        var database = new TestDatabase();
        foreach (var (name, content) in KnowledgeFixture.DefaultCorpus)
        {
            var path = Path.Combine(dir.Path, "docs", name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content);
        }
        var logs = new ListLoggerProvider();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = dir.Path, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(database.Settings).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:DocsPath"] = Path.Combine(dir.Path, "docs"),
            ["Knowledge:LexiconPath"] = KnowledgeFixture.LexiconPath(),
            ["Knowledge:Watch"] = "false",
            ["Dialogs:TaxonomyPath"] = Path.Combine(Path.GetDirectoryName(KnowledgeFixture.LexiconPath())!, "taxonomy.yaml"),
            ["Dialogs:ModelPath"] = Path.Combine(Path.GetDirectoryName(KnowledgeFixture.LexiconPath())!, "request-model.json"),
            ["Dialogs:DangerModelPath"] = Path.Combine(Path.GetDirectoryName(KnowledgeFixture.LexiconPath())!, "danger-model.json"),
        }).AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.AddHuaXinServices();
        var app = builder.Build();
        await app.Services.InitializeHuaXinAsync();
        return new AIHost(dir, database, app, logs);
    }

    public int Count(string instrument, string? reason = null, string? operation = null) => _measurements.Count(m =>
        m.Instrument == instrument
        && (reason is null || m.Tags.GetValueOrDefault("reason") == reason)
        && (operation is null || m.Tags.GetValueOrDefault("operation") == operation));

    public int Fallbacks(string? reason = null, string? operation = null) => Count("llm_fallbacks", reason, operation);

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _app.DisposeAsync();
        _database.Dispose();
        _dir.Dispose();
    }
}
