using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Benchmarks;

/// <summary>Latency of one question (analysis + scoring + top 3) on the shipped corpus and on 100,000 synthetic
/// chunks, for the in-memory BM25F the service uses and for the Lucene.Net alternative. Each invocation asks the next
/// dev question, so the percentiles cover the mix of short, long and off-topic questions.</summary>
[Config(typeof(PercentilesConfig))]
[MemoryDiagnoser]
public class RetrievalBenchmarks
{
    private Bm25Index _index = null!;
    private QueryAnalyzer _analyzer = null!;
    private LuceneRetriever _lucene = null!;
    private string[] _questions = [];
    private int _next;

    [Params("shipped", "synthetic-100k")]
    public string Corpus { get; set; } = "shipped";

    [GlobalSetup]
    public void Setup()
    {
        var chunks = Benchmarks.Corpus.Load(Benchmarks.Corpus.DocsPath);
        if (Corpus != "shipped")
        {
            chunks = [.. chunks, .. Benchmarks.Corpus.Synthetic(100_000 - chunks.Count)];
        }
        _index = new Bm25Index(chunks);
        _analyzer = new QueryAnalyzer(Benchmarks.Corpus.Lexicon);
        _lucene = new LuceneRetriever(chunks);
        _questions = Benchmarks.Corpus.Questions(Benchmarks.Corpus.QuestionsPath).Select(q => q.Question).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _lucene.Dispose();

    [Benchmark(Baseline = true)]
    public int InMemoryBm25()
    {
        var question = _questions[_next++ % _questions.Length];
        return _index.Score(_analyzer.Analyze(question, _index), 12).Count;
    }

    [Benchmark]
    public int LuceneCjkBm25()
    {
        var question = _questions[_next++ % _questions.Length];
        return _lucene.Search(question, 12).Count;
    }

    private sealed class PercentilesConfig : ManualConfig
    {
        public PercentilesConfig()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Throughput).WithWarmupCount(3).WithIterationCount(20));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.P100);
        }
    }
}
