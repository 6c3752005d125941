using System.Globalization;
using System.Text;
using HuaXin.Bot.Dialogs.Understanding;
using HuaXin.Bot.Knowledge;
using HuaXin.Bot.Knowledge.Evaluation;
using HuaXin.Bot.Knowledge.Ranking;
using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Cli;

/// <summary>"train-clauses": fits the clause model (which candidate clause answers, with Microsoft.ML, and the threshold
/// at which a question about a topic the corpus never mentions is refused) on question sets over their own corpora,
/// reports leave-one-corpus-out cross-validation beside the plain baseline, and writes knowledge/clause-model.json.</summary>
internal static class TrainClausesCommand
{
    private const string Usage = """
        usage: train-clauses --set <docs folder> <questions.jsonl> [--set …]… [--out <model.json>] [--rank-from <model.json>] [--l2 1] [--cv-only] [--verbose]

          --set      a corpus and questions asked of it (as for eval); sets over the same folder are one fold of the
                     cross-validation
          --out      where the model goes (default knowledge/clause-model.json)
          --rank-from  keep that model's rank head and unseen-topic threshold (fitted on sets no longer at hand)
                     and fit only the answer head
          --cv-only  report cross-validation only; write nothing
          --verbose  list the held-out questions the decision got wrong, with their unseen-topic score and word
        """;

    private static readonly string[] RankLabels = ["other", "answer"];

    // The unseen-topic thresholds tried: general IDF runs to about 14.
    private static readonly double[] Thresholds = [.. Enumerable.Range(-20, 57).Select(i => i / 2.0)];

    public static async Task<int> RunAsync(string[] args)
    {
        var sets = new List<(string Docs, string Questions)>();
        var output = "knowledge/clause-model.json";
        var l2 = 1f;
        var cvOnly = false;
        var verbose = false;
        string? rankFrom = null;
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
                case "--rank-from" when i + 1 < args.Length: rankFrom = args[++i]; break;
                case "--cv-only": cvOnly = true; break;
                case "--verbose": verbose = true; break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        if (sets.Select(s => s.Docs).Distinct().Count() < 2)
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
        // Sets over the same documents are one fold: a corpus is held out with all the questions asked of it.
        var corpusOf = sets.Select(s => sets.FindIndex(t => t.Docs == s.Docs)).ToArray();
        var items = new List<Item>();
        foreach (var corpus in corpusOf.Distinct())
        {
            var database = Path.Combine(Path.GetTempPath(), $"huaxin-train-{Guid.NewGuid():N}.db");
            try
            {
                await using var app = EvalCommand.BuildHost(database, sets[corpus].Docs, noAI: true);
                await app.Services.InitializeHuaXinAsync();
                var search = app.Services.GetRequiredService<KnowledgeSearch>();
                var baseline = new PlainBm25Baseline(app.Services.GetRequiredService<KnowledgeIndexStore>().Current.Bm25.Chunks);
                for (var set = 0; set < sets.Count; set++)
                {
                    if (corpusOf[set] == corpus)
                    {
                        items.AddRange(questions[set].Select(q => new Item(corpus, set, q, search.Read(q.Question), baseline.Ask(q.Question).Citations.Select(c => (c.DocId, c.Headings)).ToList())));
                    }
                }
            }
            finally
            {
                EvalCommand.DeleteDatabase(database);
            }
        }
        Console.WriteLine($"{items.Count} questions ({items.Count(i => i.Question.Answerable)} answerable) over {corpusOf.Distinct().Count()} corpora; "
            + $"answer clause among the {KnowledgeSearch.Reranked} candidates for {(double)items.Count(i => i.Labels.Any(l => l)) / items.Count(i => i.Question.Answerable):F3} of the answerable");

        // A set is named by its questions' folder, with the folder above when two share a name.
        var folders = sets.Select(s => Path.GetDirectoryName(Path.GetFullPath(s.Questions)) ?? s.Questions).ToList();
        var names = folders.Select(f => folders.Count(g => Path.GetFileName(g) == Path.GetFileName(f)) > 1
            ? $"{Path.GetFileName(Path.GetDirectoryName(f))}/{Path.GetFileName(f)}" : Path.GetFileName(f)).ToList();
        var folds = corpusOf.Distinct().ToList();
        var kept = rankFrom is null ? null : ClauseModel.Parse(await File.ReadAllTextAsync(KnowledgePaths.Resolve(rankFrom, cwd)));
        var ranked = new List<Held>();
        foreach (var fold in folds)
        {
            var model = kept ?? Fit(items.Where(i => i.Corpus != fold).ToList(), l2);
            ranked.AddRange(items.Where(i => i.Corpus == fold).Select(i => Held.Of(i, model)));
        }
        // Each set's figures use a threshold chosen without its corpus, so the threshold is held out too; a kept model
        // keeps its threshold, chosen with its rank head.
        var threshold = kept is null ? ChooseThreshold(ranked) : kept.AbstainAt;
        var heldOut = folds.ToDictionary(f => f, f => kept is null ? ChooseThreshold(ranked.Where(o => o.Item.Corpus != f).ToList()) : kept.AbstainAt);
        // The answer head learns from the held-out rankings (a question's corpus is never one its ranking was fitted on,
        // as at run time) and is itself scored on corpora it was not fitted on, at a threshold chosen without them.
        var outOfFold = new List<Held>();
        foreach (var fold in folds)
        {
            var head = FitAnswer(ranked.Where(o => o.Item.Corpus != fold).ToList(), l2);
            outOfFold.AddRange(ranked.Where(o => o.Item.Corpus == fold).Select(o => o with { AnswerProbability = head.Predict(o.AnswerRow)[1] }));
        }
        bool Rules(Held o) => Answered(o, heldOut[o.Item.Corpus]);
        var answerAt = ChooseAnswerAt(outOfFold, o => Answered(o, threshold));
        var answerHeldOut = folds.ToDictionary(f => f, f => ChooseAnswerAt(outOfFold.Where(o => o.Item.Corpus != f).ToList(), Rules));
        var report = new StringBuilder();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"leave-one-corpus-out cross-validation; answer head threshold {answerAt:F3} (refusing what the hand rules answer: best abstention F1 giving up at most half a point of hit@1 on the pooled held-out questions; per held-out corpus: {string.Join(' ', answerHeldOut.Values.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))}); hand rules (the coverage rule vetoes short questions only; for long ones it is one of the head's features): unseen-topic threshold {Format(threshold)} (per held-out corpus: {string.Join(' ', heldOut.Values.Select(Format))}). Each set: product / baseline, then the hand rules"));
        // The head only refuses: what the hand rules refuse stays refused.
        bool Product(Held o) => Rules(o) && o.AnswerProbability >= answerHeldOut[o.Item.Corpus];
        for (var set = 0; set < sets.Count; set++)
        {
            report.AppendLine($"  {names[set]}: {Metrics(outOfFold.Where(o => o.Item.Set == set).ToList(), Product, Rules)}");
        }
        report.AppendLine($"  all: {Metrics(outOfFold, Product, Rules)}");
        Console.Write(report);
        if (verbose)
        {
            Console.WriteLine("pooled held-out figures by answer threshold: hit@1, abstention P and R, answerable refused");
            foreach (var t in AnswerThresholds)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t:F3}: {Metrics(outOfFold, o => Rules(o) && o.AnswerProbability >= t, Rules).Split(Environment.NewLine)[0]}"));
            }
            Console.WriteLine("held-out decisions against the label: answer probability, unseen-topic score, missing word, question");
            foreach (var o in outOfFold.Where(o => Product(o) != o.Item.Question.Answerable))
            {
                var q = o.Item.Reading.Question;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(o.Item.Question.Answerable ? "refused" : "answered")} {names[o.Item.Set]} {o.Item.Question.Id} {o.AnswerProbability:F2} {(double.IsNegativeInfinity(q.UnseenTopic) ? "-" : q.UnseenTopic.ToString("F1", CultureInfo.InvariantCulture))} {q.MissingTopic ?? "-"} {o.Item.Question.Question}"));
            }
        }
        if (cvOnly)
        {
            return 0;
        }
        var final = kept ?? Fit(items, l2);
        final.AbstainAt = threshold;
        final.AnswerFeatures = [.. AnswerFeatures.Names];
        final.Answer = FitAnswer(ranked, l2);
        final.AnswerAt = Math.Round(answerAt, 3);
        final.Fitted = new Dictionary<string, string>
        {
            ["trainer"] = "Microsoft.ML 5.0.1 LbfgsMaximumEntropy (two classes), L2 " + l2.ToString(CultureInfo.InvariantCulture),
            ["data"] = string.Join(", ", sets.Select((s, i) => $"{names[i]} ({questions[i].Count})")),
            // A head kept twice still names the data it was fitted on.
            ["rank"] = kept is null ? "fitted on the data"
                : kept.Fitted?.GetValueOrDefault("rank") is { } origin && origin.StartsWith("kept", StringComparison.Ordinal) ? origin
                : $"kept from an earlier fit on: {kept.Fitted?.GetValueOrDefault("data") ?? "unrecorded"}",
            ["cross-validation"] = report.ToString().Replace(Environment.NewLine, "; ").Trim(' ', ';'),
        };
        await File.WriteAllTextAsync(output, final.ToJson());
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    private static ClauseModel Fit(IReadOnlyList<Item> items, float l2)
    {
        var ranked = items.Where(i => i.Question.Answerable)
            .SelectMany(i => i.Reading.Rows.Select((x, c) => (x, i.Labels[c] ? RankLabels[1] : RankLabels[0])))
            .ToList();
        return new ClauseModel
        {
            CandidateFeatures = [.. ClauseFeatures.CandidateNames],
            Rank = MaxEntTrainer.Fit(ranked, RankLabels, l2),
        };
    }

    private static readonly string[] AnswerLabels = ["decline", "answer"];

    /// <summary>The answer head: whether the question is one the corpus answers, from the held-out rankings' rows.</summary>
    private static LinearHead FitAnswer(IReadOnlyList<Held> held, float l2) =>
        MaxEntTrainer.Fit(held.Select(o => (o.AnswerRow, AnswerLabels[o.Item.Question.Answerable ? 1 : 0])).ToList(), AnswerLabels, l2);

    // How much hit@1 the answer head may give up on the fitting pool for its refusals. Held out on five corpora, half a
    // point cost 0.8 of hit@1 for 0.14 more abstention recall, one point 1.6 for 0.18, two 3.1 for 0.21: past half a
    // point, each refusal won costs more right answers (README, round 18).
    private const double HitsGivenUp = 0.005;

    private static readonly double[] AnswerThresholds = [.. Enumerable.Range(0, 40).Select(i => i / 40.0)];

    /// <summary>The answer probability below which the head refuses a question the hand rules would answer: the best
    /// abstention F1 among thresholds that give up at most <see cref="HitsGivenUp"/> of hit@1 (a refused answerable
    /// question counts as a miss). 0 refuses nothing.</summary>
    /// <param name="rules">Whether the hand rules answer.</param>
    private static double ChooseAnswerAt(IReadOnlyList<Held> held, Func<Held, bool> rules)
    {
        bool Answers(Held o, double t) => rules(o) && o.AnswerProbability >= t;
        var answerable = held.Where(o => o.Item.Question.Answerable).ToList();
        var unanswerable = held.Count - answerable.Count;
        int Hits(double t) => answerable.Count(o => Answers(o, t) && o.Item.Hit(Top(o).Take(1), false));
        double F1(double t)
        {
            var refused = held.Where(o => !Answers(o, t)).ToList();
            var right = refused.Count(o => !o.Item.Question.Answerable);
            return right == 0 ? 0 : 2.0 * right / (refused.Count + unanswerable);
        }
        var floor = Hits(0) - HitsGivenUp * answerable.Count;
        return AnswerThresholds.Where(t => Hits(t) >= floor).MaxBy(F1);
    }

    private static bool Answered(Held held, double? threshold) =>
        !KnowledgeSearch.CoverageVetoes(held.Item.Reading, headDecides: true) && held.Order.Length > 0 && !(threshold is { } t && held.Item.Reading.Question.UnseenTopic >= t);

    /// <summary>The unseen-topic threshold (none: never abstain for it) with the best abstention F1 among those that
    /// give up no right answer: hit@1 (a refused answerable question counts as a miss) stays at the coverage rule's.
    /// A sum of hit@1 and F1 traded right answers for abstentions, more so as the fitting pool holds far more
    /// unanswerable questions (train-abst: two in three) than real use does.</summary>
    private static double? ChooseThreshold(IReadOnlyList<Held> heldOut)
    {
        var answerable = heldOut.Where(o => o.Item.Question.Answerable).ToList();
        var unanswerable = heldOut.Count - answerable.Count;
        int Hits(double? t) => answerable.Count(o => Answered(o, t) && o.Item.Hit(Top(o).Take(1), false));
        double F1(double? t)
        {
            var refused = heldOut.Where(o => !Answered(o, t)).ToList();
            var right = refused.Count(o => !o.Item.Question.Answerable);
            return right == 0 ? 0 : 2.0 * right / (refused.Count + unanswerable);
        }
        var floor = Hits(null);
        return Thresholds.Select(t => (double?)t).Where(t => Hits(t) >= floor).Prepend(null).MaxBy(F1);
    }

    private static string Format(double? threshold) => threshold?.ToString("F1", CultureInfo.InvariantCulture) ?? "never";

    private static IEnumerable<(string DocId, IReadOnlyList<string> Headings)> Top(Held held) =>
        held.Order.Take(3).Select(c => (held.Item.Reading.Candidates[c].Clause.DocId, held.Item.Reading.Candidates[c].Clause.Headings));

    /// <param name="product">Whether the product answers a held-out question; <paramref name="rules"/>: whether the hand
    /// rules would.</param>
    private static string Metrics(IReadOnlyList<Held> results, Func<Held, bool> product, Func<Held, bool> rules)
    {
        var answerable = results.Where(r => r.Item.Question.Answerable).ToList();
        var sectioned = answerable.Where(r => !string.IsNullOrWhiteSpace(r.Item.Question.Section)).ToList();
        var unanswerable = results.Where(r => !r.Item.Question.Answerable).ToList();
        double Share<T>(IReadOnlyCollection<T> set, Func<T, bool> hit) => set.Count == 0 ? 1 : (double)set.Count(hit) / set.Count;
        string Decision(Func<Held, bool> answered)
        {
            var abstained = results.Where(r => !answered(r)).ToList();
            return string.Create(CultureInfo.InvariantCulture,
                $"abstention P {Share(abstained, r => !r.Item.Question.Answerable):F3} R {Share(unanswerable, r => !answered(r)):F3}, answerable refused {answerable.Count(r => !answered(r))}/{answerable.Count}");
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"hit@1 {Share(answerable, r => product(r) && r.Item.Hit(Top(r).Take(1), false)):F3} / {Share(answerable, r => r.Item.Hit(r.Item.Baseline.Take(1), false)):F3}, "
            + $"hit@3 {Share(answerable, r => product(r) && r.Item.Hit(Top(r), false)):F3} / {Share(answerable, r => r.Item.Hit(r.Item.Baseline, false)):F3}, "
            + $"section hit@3 {Share(sectioned, r => product(r) && r.Item.Hit(Top(r), true)):F3} / {Share(sectioned, r => r.Item.Hit(r.Item.Baseline, true)):F3}, "
            + $"{Decision(product)} (n={results.Count}){Environment.NewLine}"
            + $"      hand rules: hit@1 {Share(answerable, r => rules(r) && r.Item.Hit(Top(r).Take(1), false)):F3}, {Decision(rules)}");
    }

    /// <param name="Corpus">The first set over the same documents (the fold).</param>
    /// <param name="Baseline">The plain baseline's top three.</param>
    private sealed record Item(int Corpus, int Set, EvalQuestion Question, KnowledgeSearch.Reading Reading, IReadOnlyList<(string DocId, IReadOnlyList<string> Headings)> Baseline)
    {
        /// <summary>Per candidate: whether it is an expected document's expected clause (any clause of it when no section is given).</summary>
        public bool[] Labels { get; } = Reading.Candidates.Select(c => Question.ExpectedDocs.Contains(c.Clause.DocId)
            && (string.IsNullOrWhiteSpace(Question.Section) || c.Clause.Headings.Any(h => h.Contains(Question.Section, StringComparison.Ordinal)))).ToArray();

        public bool Hit(IEnumerable<(string DocId, IReadOnlyList<string> Headings)> cited, bool section) =>
            cited.Any(c => Question.ExpectedDocs.Contains(c.DocId) && (!section || c.Headings.Any(h => h.Contains(Question.Section ?? "", StringComparison.Ordinal))));
    }

    /// <param name="Order">The held-out model's order of the question's candidates.</param>
    /// <param name="AnswerRow">The answer head's features under that order.</param>
    /// <param name="AnswerProbability">The held-out answer head's probability that the question is answered.</param>
    private sealed record Held(Item Item, int[] Order, float[] AnswerRow, double AnswerProbability = 0)
    {
        public static Held Of(Item item, ClauseModel model)
        {
            var (probabilities, order) = KnowledgeSearch.Rank(item.Reading, model);
            return new Held(item, order, order.Length == 0 ? new float[AnswerFeatures.Names.Length] : AnswerFeatures.For(item.Reading, probabilities, order));
        }
    }
}
