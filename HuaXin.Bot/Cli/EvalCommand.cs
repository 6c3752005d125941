using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using HuaXin.Bot.AI;
using HuaXin.Bot.Conversations;
using HuaXin.Bot.Dialogs.Safety;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Knowledge;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Evaluation;
using HuaXin.Bot.Knowledge.Evaluation;
using HuaXin.Bot.Knowledge.Ingestion;
using HuaXin.Bot.Knowledge.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Cli;

/// <summary>"eval": measures answer quality on any corpus and question set through the service's own pipeline.</summary>
internal static class EvalCommand
{
    private const string Usage = """
        usage: eval --knowledge <docs folder> --questions <questions.jsonl> [--out <results.jsonl>] [--verbose] [--baseline] [--config <settings.json>] [--no-ai]
               eval --requests <requests.jsonl> [--knowledge <docs folder>] [--out <results.jsonl>] [--verbose] [--config <settings.json>] [--no-ai]
               eval --danger <danger.jsonl>
               (both at once: the request results go to <out>.requests.jsonl)

          --knowledge   folder of .md/.txt/.docx documents, ingested into a temporary database
          --questions   JSONL: {"id","q","expect":[docId…],"section","kind","asker"}; expect [] = should abstain;
                        with "first", q is a follow-up asked after it in one conversation (the baseline reads both)
          --out         one JSON line per question: {"id","answered","answer","citations":[…],"latencyMs","searchMs"}
          --verbose     also list every miss
          --baseline    also write the plain-BM25 baseline's answers (<out>.baseline.jsonl) and, with --verbose, its misses;
                        its scores are printed beside the product's on every run
          --requests    JSONL: {"id","text","is_request","category","department","slots":{…}}: first-turn understanding;
                        with --knowledge (and no --questions) that folder is the deployment's knowledge base routing weighs
          --danger      JSONL: {"id","text","danger":true|false,"kind"}: danger recognition recall, precision, per kind
          --config      extra settings over appsettings/environment, e.g. {"AI":{"Provider":"OpenAICompatible",…}}
          --no-ai       ignore any AI:* settings: the extractive baseline to compare a model run with
        """;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (EvalArguments.Parse(args) is not { } arguments)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        // "dotnet run --project HuaXin.Bot" may start in the project folder: take relative inputs from the repository too,
        // and relative outputs from where the command was typed.
        arguments = arguments with
        {
            Out = arguments.Out is null ? null : UserPath(arguments.Out),
            Knowledge = arguments.Knowledge is null ? null : Knowledge.KnowledgePaths.Resolve(arguments.Knowledge, Directory.GetCurrentDirectory()),
            Questions = arguments.Questions is null ? null : Knowledge.KnowledgePaths.Resolve(arguments.Questions, Directory.GetCurrentDirectory()),
            Config = arguments.Config is null ? null : Knowledge.KnowledgePaths.Resolve(arguments.Config, Directory.GetCurrentDirectory()),
            Requests = arguments.Requests is null ? null : Knowledge.KnowledgePaths.Resolve(arguments.Requests, Directory.GetCurrentDirectory()),
            Danger = arguments.Danger is null ? null : Knowledge.KnowledgePaths.Resolve(arguments.Danger, Directory.GetCurrentDirectory()),
        };
        // Each evaluation runs when its arguments are given.
        var status = 0;
        if (arguments.Questions is not null)
        {
            status = await RunKnowledgeEvalAsync(arguments);
        }
        if (arguments.Requests is not null && status == 0)
        {
            var output = arguments.Questions is not null && arguments.Out is not null ? Path.ChangeExtension(arguments.Out, ".requests.jsonl") : arguments.Out;
            status = await RunRequestEvalAsync(arguments, output);
        }
        if (arguments.Danger is not null && status == 0)
        {
            status = await RunDangerEvalAsync(arguments.Danger);
        }
        return status;
    }

    /// <summary>A path as the user meant it: relative to the shell's working directory (PWD survives "dotnet run", which
    /// starts the program in the project folder), its folder created.</summary>
    private static string UserPath(string path)
    {
        var shell = Environment.GetEnvironmentVariable("PWD");
        var full = Path.GetFullPath(path, Directory.Exists(shell) ? shell : Directory.GetCurrentDirectory());
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>First-turn understanding (request or not, category, department, slots) through the service's own
    /// IRequestUnderstanding, so a configured model is measured the same way as the rules.</summary>
    private static async Task<int> RunRequestEvalAsync(EvalArguments arguments, string? output)
    {
        if (!File.Exists(arguments.Requests))
        {
            Console.Error.WriteLine($"not found: {arguments.Requests}");
            return 2;
        }
        var database = Path.Combine(Path.GetTempPath(), $"huaxin-eval-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = BuildHost(database, arguments.Knowledge, arguments.Config, arguments.NoAI);
            // Routing weighs the deployment's documents: those of --knowledge, else the shipped ones.
            await app.Services.InitializeHuaXinAsync();
            var result = await new RequestEvaluation(app.Services.GetRequiredService<IRequestUnderstanding>()).RunAsync(arguments.Requests!, CancellationToken.None);
            if (output is not null)
            {
                await File.WriteAllLinesAsync(output, result.Outputs.Select(o => o.ToJsonLine()));
            }
            Console.Write(result.Report.ToText());
            if (arguments.Verbose)
            {
                result.Report.Mistakes.ToList().ForEach(Console.WriteLine);
            }
            return 0;
        }
        finally
        {
            DeleteDatabase(database);
        }
    }

    /// <summary>Danger recognition on a labelled file: recall (a miss costs most), precision and recall per kind.</summary>
    private static async Task<int> RunDangerEvalAsync(string path)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"not found: {path}");
            return 2;
        }
        var options = new ConversationsOptions();
        var taxonomy = Taxonomy.Load(KnowledgePaths.Resolve(options.TaxonomyPath, Directory.GetCurrentDirectory()));
        var model = DangerModel.Load(KnowledgePaths.Resolve(options.DangerModelPath, Directory.GetCurrentDirectory()));
        var report = await new DangerEvaluation(new DangerDetector(taxonomy, model, new SoundSpelling())).RunAsync(path, CancellationToken.None);
        Console.Write(report.ToText());
        report.Mistakes.ToList().ForEach(m => Console.WriteLine($"miss {m}"));
        return 0;
    }

    private static async Task<int> RunKnowledgeEvalAsync(EvalArguments arguments)
    {
        if (!Directory.Exists(arguments.Knowledge) || !File.Exists(arguments.Questions))
        {
            Console.Error.WriteLine($"not found: {(Directory.Exists(arguments.Knowledge) ? arguments.Questions : arguments.Knowledge)}");
            return 2;
        }
        var (questions, problems) = EvalQuestion.ReadJsonl(arguments.Questions!);
        problems.ForEach(p => Console.Error.WriteLine($"skipped {p}"));

        var database = Path.Combine(Path.GetTempPath(), $"huaxin-eval-{Guid.NewGuid():N}.db");
        try
        {
            var results = new List<EvalResult>();
            var baseline = new List<EvalResult>();
            var explain = new Dictionary<string, string>();
            await using (var app = BuildHost(database, arguments.Knowledge, arguments.Config, arguments.NoAI))
            {
                await app.Services.InitializeHuaXinAsync();
                var report = app.Services.GetRequiredService<KnowledgeIngestor>().LastReport!;
                Console.WriteLine($"ingested {report.Added.Count} documents, skipped {report.Problems.Count} files");
                Console.WriteLine($"model: {Describe(app.Services.GetRequiredService<IOptions<AIOptions>>().Value)}");
                foreach (var problem in report.Problems)
                {
                    Console.WriteLine($"  skipped {problem.File}: {problem.Reason}");
                }
                var knowledge = app.Services.GetRequiredService<IKnowledgeService>();
                // Latency is reported for a warm service: the first call pays for JIT compilation.
                var search = app.Services.GetRequiredService<IKnowledgeSearch>();
                search.Search(questions.FirstOrDefault()?.Question ?? "");
                // The search alone, each question's first reading, before the answers (which then find the reading kept,
                // as a turn's answer finds the one its routing made).
                var searchMs = new List<double>(questions.Count);
                foreach (var question in questions)
                {
                    var started = Stopwatch.GetTimestamp();
                    search.Search(question.Question);
                    searchMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                foreach (var (question, i) in questions.Select((q, i) => (q, i)))
                {
                    // A follow-up is read in the first answer's topic, as the dialog reads it.
                    var topic = question.First is { } first
                        && await knowledge.AskAsync(first, question.Asker ?? "worker", CancellationToken.None) is { Answered: true, Citations: [var earlier, ..] }
                        ? new KnowledgeTopic(earlier.DocId, earlier.Title, earlier.Clause, first)
                        : null;
                    var started = Stopwatch.GetTimestamp();
                    var answer = await knowledge.AskAsync(question.Question, question.Asker ?? "worker", topic, CancellationToken.None);
                    results.Add(new EvalResult(question, answer, Stopwatch.GetElapsedTime(started).TotalMilliseconds, searchMs[i]));
                    if (arguments.Verbose)
                    {
                        explain[question.Id] = Explain(app.Services, question.Question);
                    }
                }
                var plain = new PlainBm25Baseline(app.Services.GetRequiredService<KnowledgeIndexStore>().Current.Bm25.Chunks);
                foreach (var question in questions)
                {
                    var started = Stopwatch.GetTimestamp();
                    // With no conversation of its own, the baseline reads a follow-up after the question before it.
                    var answer = plain.Ask(question.First is null ? question.Question : $"{question.First} {question.Question}");
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    baseline.Add(new EvalResult(question, answer, elapsed, elapsed));
                }
            }
            if (arguments.Out is not null)
            {
                await File.WriteAllLinesAsync(arguments.Out, results.Select(ToJsonLine));
                if (arguments.Baseline)
                {
                    await File.WriteAllLinesAsync(Path.ChangeExtension(arguments.Out, ".baseline.jsonl"), baseline.Select(ToJsonLine));
                }
            }
            Console.Write(EvalReport.SideBySide(EvalReport.From(results), EvalReport.From(baseline)));
            if (arguments.Verbose)
            {
                PrintMisses(results, explain);
                if (arguments.Baseline)
                {
                    Console.WriteLine("baseline:");
                    PrintMisses(baseline, new Dictionary<string, string>());
                    PrintDifferences(BaselineDifferences.Of(results, baseline));
                }
            }
            return 0;
        }
        finally
        {
            DeleteDatabase(database);
        }
    }

    internal static void DeleteDatabase(string database)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }

    /// <summary>The same composition as the service, over a throwaway database and the given folder.</summary>
    internal static WebApplication BuildHost(string database, string? knowledge, string? config = null, bool noAI = false)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Watch"] = "false",
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:HuaXin"] = $"Data Source={database}",
            // Keep the report readable: per-question log lines would drown it; warnings (skipped files) still show.
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (knowledge is not null)
        {
            builder.Configuration.AddInMemoryCollection([new("Knowledge:DocsPath", Path.GetFullPath(knowledge))]);
        }
        if (config is not null)
        {
            builder.Configuration.AddJsonFile(config, optional: false);
        }
        if (noAI)
        {
            builder.Configuration.AddInMemoryCollection([new("AI:Provider", nameof(AIProvider.None))]);
        }
        builder.AddHuaXinServices();
        return builder.Build();
    }

    private static string Describe(AIOptions ai) => ai.Enabled
        ? $"{ai.Provider} {ai.ChatModel}{(ai.EmbeddingModel is null ? "" : $" + embeddings {ai.EmbeddingModel}")} at {ai.Endpoint}"
        : "none (extractive answers, lexical retrieval)";

    private static string ToJsonLine(EvalResult result) => JsonSerializer.Serialize(new
    {
        id = result.Question.Id,
        answered = result.Answer.Answered,
        // The text a user reads, to check on any corpus that answers stay short and readable.
        answer = result.Answer.Answer,
        citations = result.Answer.Citations.Select(c => new { docId = c.DocId, title = c.Title, headings = c.Headings, score = c.Score }),
        latencyMs = Math.Round(result.LatencyMs, 3),
        searchMs = Math.Round(result.SearchMs, 3),
    }, Json);

    /// <summary>How the question was understood: each unit with its document frequency, "+" when the best clause
    /// matched it, […] for a word seam; and the best clause's coverage, which is what abstention looks at.
    /// The usual fix for a miss is a lexicon entry.</summary>
    private static string Explain(IServiceProvider services, string question)
    {
        var index = services.GetRequiredService<KnowledgeIndexStore>().Current.Bm25;
        var result = services.GetRequiredService<IKnowledgeSearch>().Search(question);
        var best = result.Hits.FirstOrDefault();
        var bestTerms = best is null ? [] : TextNormalizer.Terms($"{best.Chunk.Title} {string.Join(' ', best.Chunk.Headings)} {best.Chunk.Text}").ToHashSet();
        var units = result.Units.Select(u =>
        {
            var df = u.Alternatives.Max(a => a.Terms.Min(index.DocumentFrequency));
            var matched = u.Alternatives.Any(a => a.Terms.Any(bestTerms.Contains)) ? "+" : "";
            return u.Boundary ? $"[{u.Text}{matched}]" : $"{u.Text}{matched}({df},{index.UnitIdf(u):F1})";
        });
        return $"coverage {best?.Coverage ?? 0:F2} matched {best?.MatchedIdf ?? 0:F1}: {string.Join(' ', units)}";
    }

    private static void PrintDifferences(BaselineDifferences differences)
    {
        Console.WriteLine($"against the baseline (hit@1; unanswerable: declined): lost {differences.Lost.Count}, won {differences.Won.Count}");
        foreach (var (product, baseline) in differences.Lost)
        {
            Console.WriteLine($"lost {product.Question.Id} [{product.Question.KindOrDefault}] {product.Question.Question} → got {First(product)}; baseline {First(baseline)}");
        }
        static string First(EvalResult r) => r.Answer.Answered && r.Answer.Citations.Count > 0
            ? $"{r.Answer.Citations[0].DocId} {string.Join('/', r.Answer.Citations[0].Headings)}" : "declined";
    }

    private static void PrintMisses(IEnumerable<EvalResult> results, IReadOnlyDictionary<string, string> explain)
    {
        foreach (var r in results.Where(r => r.Question.Answerable ? !r.SectionHit3 : r.Answer.Answered))
        {
            var cited = string.Join(" | ", r.Answer.Citations.Select(c => $"{c.DocId} {string.Join('/', c.Headings)} {c.Score:F1}"));
            Console.WriteLine($"miss {r.Question.Id} [{r.Question.KindOrDefault}] {r.Question.Question} → expected {string.Join(',', r.Question.ExpectedDocs)} {r.Question.Section}; got {(r.Answer.Answered ? cited : "abstained")}");
            if (explain.TryGetValue(r.Question.Id, out var why))
            {
                Console.WriteLine($"     {why}");
            }
        }
    }

    /// <summary>Parsed once; add a property and a case for a new option.</summary>
    private sealed record EvalArguments(string? Knowledge, string? Questions, string? Out, bool Verbose, string? Config = null, bool NoAI = false, string? Requests = null, bool Baseline = false, string? Danger = null)
    {
        public static EvalArguments? Parse(string[] args)
        {
            var arguments = new EvalArguments(null, null, null, false);
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : null;
                arguments = (args[i], value) switch
                {
                    ("--knowledge", not null) => arguments with { Knowledge = args[++i] },
                    ("--questions", not null) => arguments with { Questions = args[++i] },
                    ("--out", not null) => arguments with { Out = args[++i] },
                    ("--verbose", _) => arguments with { Verbose = true },
                    ("--baseline", _) => arguments with { Baseline = true },
                    ("--config", not null) => arguments with { Config = args[++i] },
                    ("--no-ai", _) => arguments with { NoAI = true },
                    ("--requests", not null) => arguments with { Requests = args[++i] },
                    ("--danger", not null) => arguments with { Danger = args[++i] },
                    _ => null,
                };
                if (arguments is null)
                {
                    return null;
                }
            }
            // Questions need their corpus; --knowledge alone serves as the deployment's documents for --requests.
            var knowledgeUsed = arguments.Questions is not null || arguments.Requests is not null;
            var valid = (arguments.Questions is null || arguments.Knowledge is not null) && (arguments.Knowledge is null || knowledgeUsed)
                && (arguments.Questions ?? arguments.Requests ?? arguments.Danger) is not null;
            return valid ? arguments : null;
        }
    }
}
