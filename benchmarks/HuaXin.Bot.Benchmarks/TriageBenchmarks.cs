using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Text;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Dialogs.Understanding;

namespace HuaXin.Bot.Benchmarks;

/// <summary>Latency of understanding one first message with the rules (no LLM): the whole triage (normalize, slots,
/// category, request-or-question), and category classification and slot extraction on their own. Each invocation
/// takes the next of the 159 labelled requests in knowledge/eval/requests.jsonl, so the percentiles cover short and
/// long, request and question texts.</summary>
[Config(typeof(PercentilesConfig))]
[MemoryDiagnoser]
public class TriageBenchmarks
{
    private RequestUnderstanding _understanding = null!;
    private CategoryClassifier _classifier = null!;
    private SlotExtractors _slots = null!;
    private string[] _texts = [];
    private string[] _normalized = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var taxonomy = Taxonomy.Load(Path.Combine(Corpus.RepositoryRoot(), "knowledge", "taxonomy.yaml"));
        _understanding = new RequestUnderstanding(taxonomy, TimeProvider.System, RequestModel.Load(Path.Combine(Corpus.RepositoryRoot(), "knowledge", "request-model.json")));
        _classifier = new CategoryClassifier(taxonomy);
        _slots = new SlotExtractors(taxonomy, TimeProvider.System);
        _texts = [.. RequestTexts()];
        _normalized = [.. _texts.Select(TextNormalizer.Normalize)];
    }

    [Benchmark(Baseline = true)]
    public bool Triage() => _understanding.UnderstandAsync(_texts[_next++ % _texts.Length], CancellationToken.None).GetAwaiter().GetResult().IsRequest;

    [Benchmark]
    public double Classify() => _classifier.Classify(_normalized[_next++ % _normalized.Length]).Score;

    [Benchmark]
    public int ExtractSlots() => _slots.ExtractStated(_normalized[_next++ % _normalized.Length]).Count;

    private static IEnumerable<string> RequestTexts() =>
        File.ReadLines(Path.Combine(Corpus.RepositoryRoot(), "knowledge", "eval", "requests.jsonl"))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!);

    private sealed class PercentilesConfig : ManualConfig
    {
        public PercentilesConfig()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Throughput).WithWarmupCount(3).WithIterationCount(15));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.P100);
        }
    }
}
