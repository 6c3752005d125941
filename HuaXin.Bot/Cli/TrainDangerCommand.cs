using System.Globalization;
using System.Text;
using System.Text.Json;
using HuaXin.Bot.Conversations;
using HuaXin.Bot.Dialogs.Conversation;
using HuaXin.Bot.Dialogs.Safety;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Knowledge;

namespace HuaXin.Bot.Cli;

/// <summary>"train-danger": fits the danger recogniser with Microsoft.ML on labelled messages, chooses the threshold on
/// k-fold cross-validation so that cue OR model reaches the recall target at the best precision, reports recall and
/// precision per kind, and writes knowledge/danger-model.json.</summary>
internal static class TrainDangerCommand
{
    private const string Usage = """
        usage: train-danger [--danger <file.jsonl>…] [--ordinary <requests.jsonl>…] [--out <model.json>]
                            [--folds 5] [--buckets 8192] [--l2 1] [--recall 0.99] [--cv-only] [--verbose]

          --danger    labelled messages as for eval --danger: {"text","danger":true|false,"kind"}
                      (default: knowledge/training/danger-*.jsonl, knowledge/eval/danger.jsonl)
          --ordinary  everyday messages (as for eval --requests) that count as not dangerous, except those the cues
                      flag or labelled urgent: the recogniser runs on every message, most of which are like these
                      (default: knowledge/training/requests-a/-b/-3/-group.jsonl)
          --out      where the weights go (default knowledge/danger-model.json)
          --recall   the cross-validated recall the threshold must keep (cue OR model)
          --cv-only  report cross-validation only; write nothing
          --verbose  list the cross-validated misses and false alarms
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = TrainingArguments.Parse(args,
            new Dictionary<string, string[]>
            {
                ["--danger"] = ["knowledge/training/danger-a.jsonl", "knowledge/training/danger-group.jsonl", "knowledge/training/danger-3.jsonl", "knowledge/training/danger-harm.jsonl", "knowledge/eval/danger.jsonl"],
                ["--ordinary"] = ["knowledge/training/requests-a.jsonl", "knowledge/training/requests-b.jsonl", "knowledge/training/requests-group.jsonl", "knowledge/training/requests-3.jsonl"],
            },
            ["--cv-only", "--verbose"], "knowledge/danger-model.json", 8192);
        if (arguments is null || arguments["--danger"].Count == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var (files, ordinary, output) = (arguments["--danger"], arguments["--ordinary"], arguments.Output);
        var (folds, buckets, l2, target) = (arguments.Folds, arguments.Buckets, arguments.L2, arguments.Recall);
        var cvOnly = arguments.Flags.Contains("--cv-only");
        var cwd = Directory.GetCurrentDirectory();

        var taxonomy = Taxonomy.Load(KnowledgePaths.Resolve(new ConversationsOptions().TaxonomyPath, cwd));
        var rules = taxonomy.Danger;
        var features = new DangerFeatures(taxonomy, buckets);
        var cues = new DangerDetector(rules);
        var kinds = rules.Kinds.Select(k => k.Kind).ToHashSet();
        var examples = new List<Example>();
        foreach (var file in files)
        {
            var number = 0;
            foreach (var line in await File.ReadAllLinesAsync(file))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var (text, label) = Parse(line);
                if (label != DangerModel.None && !kinds.Contains(label))
                {
                    Console.Error.WriteLine($"{Path.GetFileName(file)} line {number}: kind '{label}' is not in taxonomy.yaml");
                    return 2;
                }
                var compact = DangerDetector.Compact(text);
                var signs = HarmSigns.In(compact, rules);
                var byCues = cues.DetectByCues(compact, signs);
                examples.Add(new Example(label, byCues?.Kind.Kind, features.Build(compact, signs)) { Text = compact });
            }
        }
        var everyday = 0;
        foreach (var file in ordinary)
        {
            foreach (var line in await File.ReadAllLinesAsync(file))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var compact = DangerDetector.Compact(root.GetProperty("text").GetString() ?? "");
                // A request may tell of danger too ("电表箱冒烟了"): only what neither the cues nor the label call urgent.
                var urgent = root.TryGetProperty("slots", out var slots) && slots.ValueKind == JsonValueKind.Object
                    && slots.TryGetProperty("urgency", out var u) && u.GetString() is "urgent" or "紧急";
                var signs = HarmSigns.In(compact, rules);
                if (compact.Length == 0 || urgent || cues.DetectByCues(compact, signs) is not null) continue;
                examples.Add(new Example(DangerModel.None, null, features.Build(compact, signs)) { Ordinary = true, Text = compact });
                everyday++;
            }
        }
        // Most messages answer the bot's own questions ("不用了", "就这些"): the replies the dialogs know are everyday too.
        foreach (var reply in Phrases.All.Distinct())
        {
            var compact = DangerDetector.Compact(reply);
            var signs = HarmSigns.In(compact, rules);
            if (cues.DetectByCues(compact, signs) is not null) continue;
            examples.Add(new Example(DangerModel.None, null, features.Build(compact, signs)) { Ordinary = true, Text = compact });
            everyday++;
        }
        // The kinds in taxonomy order, so the head's labels read like the taxonomy.
        var labels = rules.Kinds.Select(k => k.Kind).Where(k => examples.Any(e => e.Label == k)).Prepend(DangerModel.None).ToList();
        Console.WriteLine($"{examples.Count} messages ({examples.Count(e => e.Danger)} dangerous, {everyday} everyday) from {files.Count + ordinary.Count} files; {features.Names.Count} features + {buckets} n-gram buckets; L2 {l2}");

        var scored = CrossValidate(examples, labels, folds, l2);
        var threshold = ChooseThreshold(scored, target);
        var cv = Report(scored, threshold, folds, target);
        Console.Write(cv);
        if (arguments.Flags.Contains("--verbose"))
        {
            foreach (var s in scored.Where(s => s.Example.Danger != s.Flagged(threshold)))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(s.Example.Danger ? "miss" : "false alarm")} {s.Example.Label}/{s.ModelKind} {s.Danger:F3}: {s.Example.Text}"));
        }
        if (cvOnly) return 0;

        var model = new DangerModel
        {
            Features = [.. features.Names],
            Buckets = buckets,
            Head = MaxEntTrainer.Fit(examples.Select(e => (e.X, e.Label)).ToList(), labels, l2),
            Threshold = Math.Round(threshold, 4),
            Fitted = new Dictionary<string, string>
            {
                ["trainer"] = "Microsoft.ML 5.0.1 LbfgsMaximumEntropy, L2 " + l2.ToString(CultureInfo.InvariantCulture),
                ["data"] = TrainingArguments.Describe(files.Concat(ordinary)) + $" ({examples.Count} messages, {everyday} everyday)",
                ["cross-validation"] = cv.Replace(Environment.NewLine, "; ").Trim(' ', ';'),
            },
        };
        await File.WriteAllTextAsync(output, model.ToJson());
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    private static (string Text, string Label) Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var text = root.GetProperty("text").GetString() ?? "";
        var danger = (root.TryGetProperty("danger", out var d) || root.TryGetProperty("is_danger", out d)) && d.ValueKind == JsonValueKind.True;
        var kind = (root.TryGetProperty("kind", out var k) || root.TryGetProperty("type", out k)) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        return (text, danger ? kind ?? "" : DangerModel.None);
    }

    /// <summary>k folds by a fixed shuffle: each message is scored by weights fitted without it.</summary>
    private static List<Scored> CrossValidate(IReadOnlyList<Example> examples, IReadOnlyList<string> labels, int folds, float l2)
    {
        var order = examples.Select((e, i) => (e, key: new Random(i * 7919 + 17).Next())).OrderBy(p => p.key).Select(p => p.e).ToList();
        var scored = new List<Scored>();
        for (var k = 0; k < folds; k++)
        {
            var train = order.Where((_, i) => i % folds != k).ToList();
            var model = new DangerModel { Head = MaxEntTrainer.Fit(train.Select(e => (e.X, e.Label)).ToList(), labels, l2) };
            foreach (var e in order.Where((_, i) => i % folds == k))
            {
                var (danger, kind) = model.Score(e.X);
                scored.Add(new Scored(e, danger, kind));
            }
        }
        return scored;
    }

    /// <summary>The highest threshold at which cue OR model still finds the target share of dangers: recall first,
    /// then as few false alarms as that allows.</summary>
    private static double ChooseThreshold(IReadOnlyList<Scored> scored, double target)
    {
        var dangers = scored.Count(s => s.Example.Danger);
        var candidates = scored.Where(s => s.Example.ByCues is null).Select(s => s.Danger).Append(0.5).Distinct().OrderDescending();
        foreach (var t in candidates)
        {
            if (scored.Count(s => s.Example.Danger && s.Flagged(t)) >= target * dangers) return Math.Clamp(t, 0.001, 0.999);
        }
        return 0.001;
    }

    private static string Report(IReadOnlyList<Scored> scored, double threshold, int folds, double target)
    {
        var sb = new StringBuilder();
        var dangers = scored.Where(s => s.Example.Danger).ToList();
        string Line(string name, Func<Scored, bool> flagged, Func<Scored, string?> kindOf)
        {
            var found = dangers.Count(flagged);
            var raised = scored.Where(flagged).ToList();
            var kindRight = dangers.Count(s => flagged(s) && kindOf(s) == s.Example.Label);
            return string.Create(CultureInfo.InvariantCulture,
                $"{name}: recall {(double)found / dangers.Count:F3} ({found}/{dangers.Count}), precision {(double)raised.Count(s => s.Example.Danger) / Math.Max(1, raised.Count):F3} ({raised.Count(s => s.Example.Danger)}/{raised.Count}), kind right {(double)kindRight / Math.Max(1, found):F3}");
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"{folds}-fold cross-validation, threshold {threshold:F3} (chosen for recall >= {target:F2})");
        sb.AppendLine(Line("  cues alone  ", s => s.Example.ByCues is not null, s => s.Example.ByCues));
        sb.AppendLine(Line("  cue OR model", s => s.Flagged(threshold), s => s.Kind(threshold)));
        var labelled = scored.Where(s => !s.Example.Ordinary).ToList();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"  on the danger files alone: precision {(double)labelled.Count(s => s.Example.Danger && s.Flagged(threshold)) / Math.Max(1, labelled.Count(s => s.Flagged(threshold))):F3}; false alarms on everyday messages {scored.Count(s => s.Example.Ordinary && s.Flagged(threshold))}/{scored.Count(s => s.Example.Ordinary)}");
        foreach (var group in dangers.GroupBy(s => s.Example.Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var found = group.Count(s => s.Flagged(threshold));
            var named = scored.Where(s => s.Flagged(threshold) && s.Kind(threshold) == group.Key).ToList();
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"  {group.Key,-10} recall {(double)found / group.Count():F3} ({found}/{group.Count()}), precision of the kind {(double)named.Count(s => s.Example.Label == group.Key) / Math.Max(1, named.Count):F3} ({named.Count(s => s.Example.Label == group.Key)}/{named.Count})");
        }
        return sb.ToString();
    }

    private sealed record Example(string Label, string? ByCues, float[] X)
    {
        public bool Danger => Label != DangerModel.None;
        public bool Ordinary { get; init; }
        public string Text { get; init; } = "";
    }

    /// <summary>One message scored by a fold's model, decided the way the service decides (<see cref="DangerDetector.Detect"/>).</summary>
    private sealed record Scored(Example Example, double Danger, string ModelKind)
    {
        public bool Flagged(double threshold) => Example.ByCues is not null || Danger >= threshold;

        public string? Kind(double threshold) =>
            Example.ByCues == DangerDetector.SelfHarm ? Example.ByCues : Flagged(threshold) ? ModelKind : null;
    }
}
