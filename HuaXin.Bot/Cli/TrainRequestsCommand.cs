using System.Globalization;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Evaluation;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Text;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Dialogs.Understanding;
using HuaXin.Bot.Knowledge;

namespace HuaXin.Bot.Cli;

/// <summary>"train-requests": fits the request scorer's weights with Microsoft.ML on labelled messages, reports k-fold
/// cross-validated detection, category and department accuracy, and writes knowledge/request-model.json.</summary>
internal static class TrainRequestsCommand
{
    private const string Usage = """
        usage: train-requests [--requests <file.jsonl>…] [--knowledge <docs folder>] [--out <model.json>]
                              [--folds 5] [--buckets 1024] [--l2 0.3] [--cv-only] [--verbose]

          --requests   labelled messages as for eval --requests; an optional "purpose" (request, complaint, question,
                       status, rating, staff, chat) labels what a non-request is for (default: knowledge/eval/requests*.jsonl,
                       knowledge/training/requests-a/-b/-3/-s.jsonl)
          --knowledge  the documents whose owners and clauses are evidence (default knowledge/docs)
          --out        where the weights go (default knowledge/request-model.json)
          --cv-only    report cross-validation only; write nothing
          --verbose    list the cross-validated wrong choices of relation and when
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = TrainingArguments.Parse(args,
            new Dictionary<string, string[]>
            {
                ["--requests"] =
                [
                    "knowledge/eval/requests.jsonl", "knowledge/eval/requests-holdout-2.jsonl", "knowledge/eval/requests-train.jsonl",
                    "knowledge/training/requests-a.jsonl", "knowledge/training/requests-b.jsonl", "knowledge/training/requests-3.jsonl", "knowledge/training/requests-s.jsonl",
                ],
            },
            ["--cv-only", "--verbose"], "knowledge/request-model.json", 1024,
            new Dictionary<string, string> { ["--knowledge"] = "knowledge/docs" });
        if (arguments is null || arguments["--requests"].Count == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var (files, knowledge, output) = (arguments["--requests"], arguments.Paths["--knowledge"], arguments.Output);
        // 0.3 unless told: of 0.1, 0.3, 1 and 3 it cross-validated best on relation and when, and no worse on routing.
        var (folds, buckets, l2) = (arguments.Folds, arguments.Buckets, args.Contains("--l2") ? arguments.L2 : DefaultL2);
        bool cvOnly = arguments.Flags.Contains("--cv-only"), verbose = arguments.Flags.Contains("--verbose");

        var database = Path.Combine(Path.GetTempPath(), $"huaxin-train-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = EvalCommand.BuildHost(database, knowledge);
            await app.Services.InitializeHuaXinAsync();
            var taxonomy = app.Services.GetRequiredService<Taxonomy>();
            var features = new RequestFeatures(taxonomy, buckets);
            var extractors = new SlotExtractors(taxonomy, TimeProvider.System);
            var relations = new SlotChooserTraining(SlotNames.Relation, RelationCandidates.Version,
                new RelationCandidates((RelationExtractor)extractors[SlotNames.Relation], taxonomy).Build, ChooserBuckets, l2);
            var times = new SlotChooserTraining(SlotNames.When, WhenCandidates.Version,
                new WhenCandidates((WhenExtractor)extractors[SlotNames.When]).Build, ChooserBuckets, l2);
            var evidence = app.Services.GetRequiredService<IKnowledgeEvidence>();

            var examples = new List<Example>();
            foreach (var file in files)
            {
                var golds = (await File.ReadAllLinesAsync(file)).Select((line, i) => (line, number: i + 1))
                    .Where(l => !string.IsNullOrWhiteSpace(l.line)).Select(l => GoldRequest.Parse(l.line, l.number)).ToList();
                // A file that labels routing only (no request in it has the slot) says nothing about that slot.
                var labelsRelation = golds.Any(g => g.Slots.ContainsKey(SlotNames.Relation));
                var labelsWhen = golds.Any(g => g.Slots.ContainsKey(SlotNames.When));
                foreach (var gold in golds)
                {
                    var text = TextNormalizer.Normalize(gold.Text);
                    var x = features.Build(text, await evidence.MatchAsync(text, CancellationToken.None), extractors.ExtractStated(text));
                    examples.Add(new Example(gold, x,
                        gold.IsRequest && labelsRelation ? relations.Prepare(gold, text) : null,
                        gold.IsRequest && labelsWhen ? times.Prepare(gold, text) : null));
                }
            }
            Console.WriteLine($"{examples.Count} messages ({examples.Count(e => e.Gold.IsRequest)} requests) from {files.Count} files; {features.Names.Count} features + {buckets} n-gram buckets; L2 {l2}");

            var order = Shuffled(examples);
            var cv = CrossValidate(order, taxonomy, features, folds, l2);
            Console.WriteLine(cv);
            var relationMessages = order.Select(e => e.Relation).OfType<SlotChooserTraining.Message>().ToList();
            var whenMessages = order.Select(e => e.When).OfType<SlotChooserTraining.Message>().ToList();
            var relationCv = relations.CrossValidate(relationMessages, folds);
            Console.WriteLine(relationCv);
            var whenCv = times.CrossValidate(whenMessages, folds);
            Console.WriteLine(whenCv);
            if (verbose) relations.Mistakes.Concat(times.Mistakes).ToList().ForEach(Console.WriteLine);
            if (cvOnly) return 0;

            var model = Fit(examples, taxonomy, features, l2);
            model.Relation = relations.Fit(relationMessages);
            model.When = times.Fit(whenMessages);
            model.Fitted = new Dictionary<string, string>
            {
                ["trainer"] = "Microsoft.ML 5.0.1 LbfgsMaximumEntropy (purpose, category), LbfgsLogisticRegression (relation, when), L2 " + l2.ToString(CultureInfo.InvariantCulture),
                ["data"] = TrainingArguments.Describe(files) + $" ({examples.Count} messages)",
                ["knowledge"] = Path.GetFileName(Path.TrimEndingDirectorySeparator(knowledge)),
                ["cross-validation"] = string.Join("; ", cv.Trim(), relationCv, whenCv),
            };
            await File.WriteAllTextAsync(output, model.ToJson());
            Console.WriteLine($"wrote {output}");
            return 0;
        }
        finally
        {
            EvalCommand.DeleteDatabase(database);
        }
    }

    private static RequestModel Fit(IReadOnlyList<Example> examples, Taxonomy taxonomy, RequestFeatures features, float l2)
    {
        var requests = examples.Where(e => e.Gold.IsRequest && taxonomy.Find(e.Gold.Category) is not null).ToList();
        // A file without "purpose" says only that a non-request is not a request (a thanks, a greeting, a status check):
        // each such message takes the non-intake purpose a head fitted on the labelled messages gives it.
        var unlabelled = examples.Where(e => !e.Gold.IsRequest && e.Gold.Purpose is null).ToHashSet(ReferenceEqualityComparer.Instance);
        var labelled = examples.Where(e => !unlabelled.Contains(e)).ToList();
        var first = unlabelled.Count > 0 && labelled.Any(e => !e.Gold.IsRequest)
            ? MaxEntTrainer.Fit(labelled.Select(e => (e.X, e.Gold.PurposeOrDefault)).ToList(), Purpose.All, l2)
            : null;
        string PurposeOf(Example e) => first is not null && unlabelled.Contains(e) ? first.Best(e.X, p => !Purpose.StartsIntake(p)) : e.Gold.PurposeOrDefault;
        return new RequestModel
        {
            Features = [.. features.Names],
            Buckets = features.Buckets,
            Purpose = MaxEntTrainer.Fit(examples.Select(e => (e.X, PurposeOf(e))).ToList(), Purpose.All, l2),
            Category = MaxEntTrainer.Fit(requests.Select(e => (e.X, e.Gold.Category!)).ToList(), taxonomy.Categories.Select(c => c.Code).ToList(), l2),
        };
    }

    // A fixed shuffle, so folds mix the files and every run draws the same folds.
    private static List<Example> Shuffled(IReadOnlyList<Example> examples) =>
        examples.Select((e, i) => (e, key: new Random(i * 7919 + 17).Next())).OrderBy(p => p.key).Select(p => p.e).ToList();

    /// <summary>k folds: each message is scored by weights fitted without it, the way the service decides.</summary>
    private static string CrossValidate(IReadOnlyList<Example> order, Taxonomy taxonomy, RequestFeatures features, int folds, float l2)
    {
        int detected = 0, category = 0, department = 0, requests = 0;
        for (var k = 0; k < folds; k++)
        {
            var test = order.Where((_, i) => i % folds == k).ToList();
            var model = Fit(order.Where((_, i) => i % folds != k).ToList(), taxonomy, features, l2);
            foreach (var e in test)
            {
                var (purpose, code) = model.Decide(e.X);
                var isRequest = Purpose.StartsIntake(purpose);
                if (isRequest == e.Gold.IsRequest) detected++;
                if (!e.Gold.IsRequest) continue;
                requests++;
                if (isRequest && code == e.Gold.Category) category++;
                if (isRequest && taxonomy.Find(code)?.Department == e.Gold.Department) department++;
            }
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"{folds}-fold cross-validation: detection {(double)detected / order.Count:F3}, category {(double)category / requests:F3}, department {(double)department / requests:F3}");
    }

    private const int ChooserBuckets = 4096;
    private const float DefaultL2 = 0.3f;

    private sealed record Example(GoldRequest Gold, float[] X, SlotChooserTraining.Message? Relation, SlotChooserTraining.Message? When);
}
