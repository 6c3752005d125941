using BenchmarkDotNet.Running;
using HuaXin.Bot.Benchmarks;

// dotnet run -c Release --project benchmarks/HuaXin.Bot.Benchmarks -- --filter '*'       BenchmarkDotNet latency
// dotnet run -c Release --project benchmarks/HuaXin.Bot.Benchmarks -- --compare [docs] [questions.jsonl] [synthetic chunks]
if (args.FirstOrDefault() == "--compare")
{
    RetrievalComparison.Run(
        args.ElementAtOrDefault(1) ?? Corpus.DocsPath,
        args.ElementAtOrDefault(2) ?? Corpus.QuestionsPath,
        int.TryParse(args.ElementAtOrDefault(3), out var synthetic) ? synthetic : 0);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(RetrievalBenchmarks).Assembly).Run(args);
