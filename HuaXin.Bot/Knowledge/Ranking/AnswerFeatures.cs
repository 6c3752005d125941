using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Knowledge.Ranking;

/// <summary>The features the fitted answer head weighs to decide whether the best clause answers the question at all,
/// one row per question: how sure the ranking is, how much of the question the best clause holds, whether the question
/// names something the corpus or the best clause lacks, and whether a number asked for is stated. Each was a hand rule
/// before (the coverage rule, the unseen-topic threshold); fitted together, on held-out corpora, they weigh each other.</summary>
public static class AnswerFeatures
{
    public static readonly string[] Names =
    [
        "best probability", "margin", "coverage", "coverage rule", "unseen topic", "unseen noun", "number not in best",
        "number not in top three", "title coverage", "bigram coverage", "window coverage", "answer type absent",
        "focus absent", "seen share", "best lacks share", "best lacks most specific", "best lacks asked share", "unseen asked word",
    ];

    // Where the best candidate's row holds the clause features the head reuses.
    private static readonly int TitleCoverage = Array.IndexOf(ClauseFeatures.CandidateNames, "title coverage");
    private static readonly int BigramCoverage = Array.IndexOf(ClauseFeatures.CandidateNames, "bigram coverage");
    private static readonly int WindowCoverage = Array.IndexOf(ClauseFeatures.CandidateNames, "window coverage");
    private static readonly int AnswerTypeAbsent = Array.IndexOf(ClauseFeatures.CandidateNames, "answer type absent");
    private static readonly int FocusAbsent = Array.IndexOf(ClauseFeatures.CandidateNames, "focus absent");

    // General IDF runs to about 14; scores are scaled to about 0..1 so one L2 weight suits them all.
    private const double IdfScale = 14;

    /// <param name="probabilities">The clause model's probability per candidate.</param>
    /// <param name="order">Its order of the candidates, best first.</param>
    public static float[] For(KnowledgeSearch.Reading reading, double[] probabilities, int[] order)
    {
        var question = reading.Question;
        var plain = reading.Snapshot.Plain;
        var best = order[0];
        var row = reading.Rows[best];
        var clause = reading.Candidates[best].Clause;
        var text = plain.Normalized(clause.ClauseKey) + TextNormalizer.Normalize(clause.Title + string.Join(' ', clause.Headings));
        var unit = AskedNumber.Asked(TextNormalizer.Normalize(reading.Text));
        bool States(int candidate) =>
            AskedNumber.Stated(plain.Whole(reading.Candidates[candidate].Clause).Text, unit!);
        var specificIdf = question.Specific.Sum(w => w.Idf);
        var askedIdf = question.Specific.Where(w => w.Asking).Sum(w => w.Idf);
        var lacking = question.Specific.Where(w => !Holds(text, w.Word, reading.Units)).ToList();
        return
        [
            (float)probabilities[best],
            order.Length > 1 ? (float)(probabilities[best] - probabilities[order[1]]) : (float)probabilities[best],
            (float)reading.Coverage,
            reading.Covered ? 1 : 0,
            Scaled(question.UnseenTopic),
            Scaled(question.UnseenNounTopic),
            unit is not null && !States(best) ? 1 : 0,
            unit is not null && !order.Take(3).Any(States) ? 1 : 0,
            row[TitleCoverage],
            row[BigramCoverage],
            row[WindowCoverage],
            row[AnswerTypeAbsent],
            row[FocusAbsent],
            specificIdf == 0 ? 1 : (float)(question.Specific.Where(w => w.InCorpus).Sum(w => w.Idf) / specificIdf),
            specificIdf == 0 ? 0 : (float)(lacking.Sum(w => w.Idf) / specificIdf),
            (float)(lacking.Select(w => w.Idf).DefaultIfEmpty(0).Max() / IdfScale),
            // The words of the clause that asks: background before it names what happened, not what is asked.
            askedIdf == 0 ? 0 : (float)(lacking.Where(w => w.Asking).Sum(w => w.Idf) / askedIdf),
            // The unseen-topic score without what the question's seen words take off it: the head weighs the two.
            (float)(question.Specific.Where(w => !w.InCorpus && w.Asking).Select(w => w.Idf).DefaultIfEmpty(0).Max() / IdfScale),
        ];
    }

    private static float Scaled(double score) => double.IsNegativeInfinity(score) ? 0 : (float)(Math.Max(0, score) / IdfScale);

    /// <summary>Whether the clause holds the word as typed or as one of the lexicon's readings of it.</summary>
    private static bool Holds(string text, string word, IReadOnlyList<QueryUnit> units) =>
        text.Contains(word, StringComparison.Ordinal)
        || units.Any(u => u.Text == word && ClauseFeatures.Matches(u, t => text.Contains(t, StringComparison.Ordinal)));
}
