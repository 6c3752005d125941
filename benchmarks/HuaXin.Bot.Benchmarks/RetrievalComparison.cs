using System.Diagnostics;
using HuaXin.Bot.Knowledge.Evaluation;
using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Benchmarks;

/// <summary>"--compare": retrieval hit rates of the candidates on a corpus and question set, without abstention, and
/// per-question latency percentiles measured directly (BenchmarkDotNet percentiles are over iteration means).</summary>
public static class RetrievalComparison
{
    public static void Run(string docs, string questionsPath, int syntheticChunks)
    {
        var chunks = Corpus.Load(docs);
        var questions = Corpus.Questions(questionsPath).Where(q => q.Answerable).ToList();
        if (syntheticChunks > 0)
        {
            chunks = [.. chunks, .. Corpus.Synthetic(syntheticChunks)];
        }
        Console.WriteLine($"{chunks.Count} chunks, {questions.Count} answerable questions");

        var index = new Bm25Index(chunks);
        var plain = new QueryAnalyzer(Lexicon.Empty);
        var expanded = new QueryAnalyzer(Corpus.Lexicon);
        using var lucene = new LuceneRetriever(chunks);
        Report("Lucene.Net CJKAnalyzer + BM25", questions, q => lucene.Search(q, 10));
        Report("in-memory BM25F, no lexicon", questions, q => Top(index, plain, q));
        Report("in-memory BM25F + lexicon", questions, q => Top(index, expanded, q));
    }

    private static List<IndexedChunk> Top(Bm25Index index, QueryAnalyzer analyzer, string question) =>
        index.Score(analyzer.Analyze(question, index), 12).Select(h => h.Chunk).DistinctBy(c => c.ClauseKey).ToList();

    private static void Report(string name, List<EvalQuestion> questions, Func<string, IReadOnlyList<IndexedChunk>> search)
    {
        // Warm-up, so the first question does not pay for JIT compilation.
        foreach (var q in questions.Take(10))
        {
            search(q.Question);
        }
        var latencies = new List<double>();
        int hit1 = 0, hit3 = 0, section3 = 0;
        foreach (var q in questions)
        {
            var started = Stopwatch.GetTimestamp();
            var top = search(q.Question).Take(3).ToList();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            hit1 += top.Count > 0 && q.ExpectedDocs.Contains(top[0].DocId) ? 1 : 0;
            hit3 += top.Any(c => q.ExpectedDocs.Contains(c.DocId)) ? 1 : 0;
            section3 += top.Any(c => q.ExpectedDocs.Contains(c.DocId) && c.Headings.Any(h => h.Contains(q.Section ?? "", StringComparison.Ordinal))) ? 1 : 0;
        }
        latencies.Sort();
        double P(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Count) - 1, 0, latencies.Count - 1)];
        Console.WriteLine($"{name,-32} hit@1 {hit1 / (double)questions.Count:F3}  hit@3 {hit3 / (double)questions.Count:F3}  section@3 {section3 / (double)questions.Count:F3}  p50 {P(0.5):F3} ms  p99 {P(0.99):F3} ms");
    }
}
