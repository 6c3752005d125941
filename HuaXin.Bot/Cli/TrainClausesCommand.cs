using System.Globalization;
using System.Text;
using HuaXin.Bot.Knowledge;
using HuaXin.Bot.Knowledge.Evaluation;
using HuaXin.Bot.Knowledge.Ranking;
using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Cli;

/// <summary>"train-clauses": fits the clause model (which candidate clause answers, and whether any does) with
/// Microsoft.ML on question sets over their own corpora, reports leave-one-corpus-out cross-validation beside the plain
/// baseline, and writes knowledge/clause-model.json.</summary>
internal static class TrainClausesCommand
{
    private const string Usage = """
        usage: train-clauses --set <docs folder> <questions.jsonl> [--set …]… [--out <model.json>] [--l2 1] [--cross-weight 0.25] [--cv-only] [--verbose]

          --set      a corpus and questions asked of it (as for eval); each set is one fold of the cross-validation.
                     Answerable questions of one set also serve as unanswerable questions against another set's corpus
                     when no document there has a title like the expected document's.
          --cross-weight  how much a question asked of another corpus counts beside the sets' own questions
          --out      where the model goes (default knowledge/clause-model.json)
          --cv-only  report cross-validation only; write nothing
          --verbose  list the held-out questions the decision got wrong, with their features
        """;

    private static readonly string[] RankLabels = ["other", "answer"];
    private static readonly string[] AnswerLabels = ["abstain", "answer"];

    public static async Task<int> RunAsync(string[] args)
    {
        var sets = new List<(string Docs, string Questions)>();
        var output = "knowledge/clause-model.json";
        var l2 = 1f;
        var cvOnly = false;
        var verbose = false;
        var crossWeight = 0.25f;
        var cwd = Directory.GetCurrentDirectory();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--set" when i + 2 < args.Length:
                    sets.Add((KnowledgePaths.Resolve(args[i + 1], cwd), KnowledgePaths.Resolve(args[i + 2], cwd)));
                    i += 2;
                    break;
                case "--out" when i + 1 < args.Length: output = args[++i]; break;
                case "--l2" when i + 1 < args.Length && float.TryParse(args[i + 1], CultureInfo.InvariantCulture, out l2) && l2 >= 0: i++; break;
                case "--cv-only": cvOnly = true; break;
                case "--cross-weight" when i + 1 < args.Length && float.TryParse(args[i + 1], CultureInfo.InvariantCulture, out crossWeight) && crossWeight >= 0: i++; break;
                case "--verbose": verbose = true; break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        if (sets.Count < 2)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        if (sets.Select(s => s.Questions).Concat(sets.Select(s => s.Docs)).FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p)) is { } missing)
        {
            Console.Error.WriteLine($"not found: {missing}");
            return 2;
        }
        output = Path.Combine(KnowledgePaths.Resolve(Path.GetDirectoryName(output) is { Length: > 0 } d ? d : ".", cwd), Path.GetFileName(output));

        var questions = sets.Select(s => EvalQuestion.ReadJsonl(s.Questions).Questions).ToList();
        var items = new List<Item>();
        var titles = new List<Dictionary<string, string>>();
        for (var corpus = 0; corpus < sets.Count; corpus++)
        {
            var database = Path.Combine(Path.GetTempPath(), $"huaxin-train-{Guid.NewGuid():N}.db");
            try
            {
                await using var app = EvalCommand.BuildHost(database, sets[corpus].Docs, noAI: true);
                await app.Services.InitializeHuaXinAsync();
                var search = app.Services.GetRequiredService<KnowledgeSearch>();
                var chunks = app.Services.GetRequiredService<KnowledgeIndexStore>().Current.Bm25.Chunks;
                titles.Add(chunks.DistinctBy(c => c.DocId).ToDictionary(c => c.DocId, c => c.Title));
                var baseline = new PlainBm25Baseline(chunks);
                for (var set = 0; set < sets.Count; set++)
                {
                    foreach (var q in questions[set].Where(q => set == corpus || q.Answerable))
                    {
                        items.Add(new Item(corpus, set, q, search.Read(q.Question), set == corpus ? baseline.Ask(q.Question).Citations.Select(c => (c.DocId, c.Headings)).ToList() : []));
                    }
                }
            }
            finally
            {
                EvalCommand.DeleteDatabase(database);
            }
        }
        // A question asked of another corpus is unanswerable there unless that corpus has a document on the same subject.
        items = items.Where(i => i.Native || !SameSubjectIn(i, titles)).ToList();
        var native = items.Where(i => i.Native).ToList();
        Console.WriteLine($"{native.Count} questions ({native.Count(i => i.Question.Answerable)} answerable) and {items.Count - native.Count} asked of another corpus, over {sets.Count} corpora; "
            + $"answer clause among the {KnowledgeSearch.Reranked} candidates for {(double)native.Count(i => i.Labels.Any(l => l)) / native.Count(i => i.Question.Answerable):F3} of the answerable");

        var names = sets.Select(s => Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(s.Questions))) ?? s.Questions).ToList();
        var report = new StringBuilder();
        var outOfFold = new List<(Item Item, KnowledgeSearch.Decision Decision)>();
        for (var fold = 0; fold < sets.Count; fold++)
        {
            var train = items.Where(i => i.Corpus != fold && i.Set != fold).ToList();
            var model = Fit(train, l2, crossWeight, 0.5);
            outOfFold.AddRange(native.Where(i => i.Corpus == fold).Select(i => (i, KnowledgeSearch.Decide(i.Reading, model))));
        }
        var threshold = ChooseThreshold(outOfFold);
        // Each set's figures use a threshold chosen without it, so the threshold is held out too.
        var heldOut = Enumerable.Range(0, sets.Count).Select(f => ChooseThreshold(outOfFold.Where(o => o.Item.Corpus != f).ToList())).ToArray();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"leave-one-corpus-out cross-validation, threshold {threshold:F2} (best hit@1 + abstention F1 on the pooled held-out answer probabilities; each set below scored at the threshold chosen on the others: {string.Join(' ', heldOut.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}): product / baseline"));
        for (var fold = 0; fold < sets.Count; fold++)
        {
            report.AppendLine($"  {names[fold]}: {Metrics(outOfFold.Where(o => o.Item.Corpus == fold).ToList(), _ => heldOut[fold])}");
        }
        report.AppendLine($"  all: {Metrics(outOfFold, i => heldOut[i.Corpus])}");
        Console.Write(report);
        if (verbose)
        {
            Console.WriteLine($"held-out decisions: answer probability, question features ({string.Join(", ", ClauseFeatures.QuestionNames)})");
            foreach (var (item, decision) in outOfFold.Where(o => (o.Decision.AnswerProbability >= threshold) != o.Item.Question.Answerable))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(item.Question.Answerable ? "refused" : "answered")} {item.Question.Id} {decision.AnswerProbability:F2} [{string.Join(' ', decision.Question.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)))}] {item.Question.Question}"));
            }
        }
        if (cvOnly)
        {
            return 0;
        }
        var final = Fit(items, l2, crossWeight, threshold);
        final.Fitted = new Dictionary<string, string>
        {
            ["trainer"] = "Microsoft.ML 5.0.1 LbfgsMaximumEntropy (two classes), L2 " + l2.ToString(CultureInfo.InvariantCulture) + ", cross-corpus weight " + crossWeight.ToString(CultureInfo.InvariantCulture),
            ["data"] = string.Join(", ", sets.Select((s, i) => $"{names[i]} ({questions[i].Count})")) + $", {items.Count - native.Count} questions asked of another corpus",
            ["cross-validation"] = report.ToString().Replace(Environment.NewLine, "; ").Trim(' ', ';'),
        };
        await File.WriteAllTextAsync(output, final.ToJson());
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    private static ClauseModel Fit(IReadOnlyList<Item> items, float l2, float crossWeight, double threshold)
    {
        var ranked = items.Where(i => i.Native && i.Question.Answerable)
            .SelectMany(i => i.Reading.Rows.Select((x, c) => (x, i.Labels[c] ? RankLabels[1] : RankLabels[0])))
            .ToList();
        var model = new ClauseModel
        {
            CandidateFeatures = [.. ClauseFeatures.CandidateNames],
            QuestionFeatures = [.. ClauseFeatures.QuestionNames],
            Rank = MaxEntTrainer.Fit(ranked, RankLabels, l2),
        };
        // The decision is learned on the ranking it will see: the fitted head's order of each question's candidates.
        var asked = items.Where(i => i.Reading.Rows.Length > 0).ToList();
        var decided = asked.Select(i =>
        {
            var probabilities = i.Reading.Rows.Select(model.ClauseProbability).ToArray();
            var order = Enumerable.Range(0, probabilities.Length).OrderByDescending(c => probabilities[c]).ThenBy(c => c).ToArray();
            return (KnowledgeSearch.QuestionRow(i.Reading, probabilities, order), AnswerLabels[i.Answerable ? 1 : 0]);
        }).ToList();
        model.Answerable = MaxEntTrainer.Fit(decided, AnswerLabels, l2, exampleWeights: asked.Select(i => i.Native ? 1 : crossWeight).ToList());
        model.Threshold = threshold;
        return model;
    }

    /// <summary>The threshold with the best sum of hit@1 (a refused answerable question counts as a miss, so a good
    /// answer is never given up for free) and abstention F1, on held-out answer probabilities.</summary>
    private static double ChooseThreshold(IReadOnlyList<(Item Item, KnowledgeSearch.Decision Decision)> outOfFold)
    {
        var answerable = outOfFold.Where(o => o.Item.Question.Answerable).ToList();
        var unanswerable = outOfFold.Count - answerable.Count;
        var best = (Score: -1.0, Threshold: 0.5);
        for (var t = 0.05; t < 0.951; t += 0.01)
        {
            var hit1 = (double)answerable.Count(o => o.Decision.AnswerProbability >= t && o.Item.Hit(Top(o.Item, o.Decision).Take(1), false)) / Math.Max(1, answerable.Count);
            var refused = outOfFold.Where(o => o.Decision.AnswerProbability < t).ToList();
            var right = refused.Count(o => !o.Item.Question.Answerable);
            var f1 = right == 0 ? 0 : 2.0 * right / (refused.Count + unanswerable);
            if (hit1 + f1 > best.Score)
            {
                best = (hit1 + f1, Math.Round(t, 2));
            }
        }
        return best.Threshold;
    }

    private static IReadOnlyList<(string DocId, IReadOnlyList<string> Headings)> Top(Item item, KnowledgeSearch.Decision decision) =>
        decision.Order.Take(3).Select(c => (item.Reading.Candidates[c].Clause.DocId, item.Reading.Candidates[c].Clause.Headings)).ToList();

    private static string Metrics(IReadOnlyList<(Item Item, KnowledgeSearch.Decision Decision)> results, Func<Item, double> threshold)
    {
        var answerable = results.Where(r => r.Item.Question.Answerable).ToList();
        var sectioned = answerable.Where(r => !string.IsNullOrWhiteSpace(r.Item.Question.Section)).ToList();
        var unanswerable = results.Where(r => !r.Item.Question.Answerable).ToList();
        var abstained = results.Where(r => r.Decision.AnswerProbability < threshold(r.Item)).ToList();
        IReadOnlyList<(string DocId, IReadOnlyList<string> Headings)> Blend(Item item) =>
            item.Reading.Candidates.Take(3).Select(c => (c.Clause.DocId, c.Clause.Headings)).ToList();
        double Share<T>(IReadOnlyCollection<T> set, Func<T, bool> hit) => set.Count == 0 ? 1 : (double)set.Count(hit) / set.Count;
        bool Answered((Item Item, KnowledgeSearch.Decision Decision) r) => r.Decision.AnswerProbability >= threshold(r.Item);
        return string.Create(CultureInfo.InvariantCulture,
            $"hit@1 {Share(answerable, r => Answered(r) && r.Item.Hit(Top(r.Item, r.Decision).Take(1), false)):F3} / {Share(answerable, r => r.Item.Hit(r.Item.Baseline.Take(1), false)):F3}, "
            + $"hit@3 {Share(answerable, r => Answered(r) && r.Item.Hit(Top(r.Item, r.Decision), false)):F3} / {Share(answerable, r => r.Item.Hit(r.Item.Baseline, false)):F3}, "
            + $"section hit@3 {Share(sectioned, r => Answered(r) && r.Item.Hit(Top(r.Item, r.Decision), true)):F3} / {Share(sectioned, r => r.Item.Hit(r.Item.Baseline, true)):F3}, "
            + $"abstention P {Share(abstained, r => !r.Item.Question.Answerable):F3} R {Share(unanswerable, r => !Answered(r)):F3} (n={results.Count}){Environment.NewLine}"
            + $"      ranking alone, never abstaining (model / blend): hit@1 {Share(answerable, r => r.Item.Hit(Top(r.Item, r.Decision).Take(1), false)):F3} / {Share(answerable, r => r.Item.Hit(Blend(r.Item).Take(1), false)):F3}, "
            + $"hit@3 {Share(answerable, r => r.Item.Hit(Top(r.Item, r.Decision), false)):F3} / {Share(answerable, r => r.Item.Hit(Blend(r.Item), false)):F3}, "
            + $"section hit@3 {Share(sectioned, r => r.Item.Hit(Top(r.Item, r.Decision), true)):F3} / {Share(sectioned, r => r.Item.Hit(Blend(r.Item), true)):F3}");
    }

    private static bool SameSubjectIn(Item item, IReadOnlyList<Dictionary<string, string>> titles)
    {
        var expected = item.Question.ExpectedDocs.Select(d => titles[item.Set].GetValueOrDefault(d)).OfType<string>().ToList();
        return expected.Any(e => titles[item.Corpus].Values.Any(t => Similar(e, t)));
    }

    /// <summary>Titles sharing at least half of the shorter one's bigrams name the same subject.</summary>
    private static bool Similar(string a, string b)
    {
        static HashSet<string> Bigrams(string s) => TextNormalizer.Terms(s).Where(t => t.Length == 2).ToHashSet();
        var (x, y) = (Bigrams(a), Bigrams(b));
        return x.Count > 0 && y.Count > 0 && x.Intersect(y).Count() * 2 >= Math.Min(x.Count, y.Count);
    }

    /// <param name="Corpus">The set whose documents were searched.</param>
    /// <param name="Set">The set the question comes from.</param>
    /// <param name="Baseline">The plain baseline's top three, for native questions.</param>
    private sealed record Item(int Corpus, int Set, EvalQuestion Question, KnowledgeSearch.Reading Reading, IReadOnlyList<(string DocId, IReadOnlyList<string> Headings)> Baseline)
    {
        public bool Native => Corpus == Set;

        public bool Answerable => Native && Question.Answerable;

        /// <summary>Per candidate: whether it is an expected document's expected clause (any clause of it when no section is given).</summary>
        public bool[] Labels { get; } = Reading.Candidates.Select(c => Corpus == Set && Question.ExpectedDocs.Contains(c.Clause.DocId)
            && (string.IsNullOrWhiteSpace(Question.Section) || c.Clause.Headings.Any(h => h.Contains(Question.Section, StringComparison.Ordinal)))).ToArray();

        public bool Hit(IEnumerable<(string DocId, IReadOnlyList<string> Headings)> cited, bool section) =>
            cited.Any(c => Question.ExpectedDocs.Contains(c.DocId) && (!section || c.Headings.Any(h => h.Contains(Question.Section ?? "", StringComparison.Ordinal))));
    }
}
