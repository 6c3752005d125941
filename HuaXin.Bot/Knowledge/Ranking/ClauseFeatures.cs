using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Knowledge.Ranking;

/// <summary>A retrieved clause with the scores of the two rankings that found it.</summary>
/// <param name="Lexicon">Lexicon-aware BM25F score relative to that ranking's best (0 when it did not find the clause).</param>
/// <param name="Plain">Plain bigram BM25 score relative to that ranking's best.</param>
/// <param name="Blend">The blend of both, relative to the best blend.</param>
public sealed record Candidate(IndexedChunk Clause, double Lexicon, double Plain, double Blend);

/// <summary>The features the fitted clause model weighs per candidate clause, all of them relative or shares so they
/// carry across corpora (how well it matches the question, where, how close together, whether it holds the asked kind
/// of answer), and the question's reading they share, with its specific words and the topic the corpus lacks.</summary>
public static class ClauseFeatures
{
    // Not the blend's score or rank: with them the fitted head only copied the blend's order (cross-validated).
    public static readonly string[] CandidateNames =
    [
        "lexicon", "plain", "coverage", "bigram coverage", "heading coverage", "title coverage",
        "window coverage", "answer type present", "answer type absent", "log length", "document share", "focus present",
        "focus absent",
    ];

    /// <summary>A word of the question that can name its topic, how specific it is in general Chinese (jieba's IDF),
    /// whether the corpus uses it or a lexicon synonym of it anywhere, and whether it is said in a clause that asks
    /// (<see cref="AskingClause.Asking"/>).</summary>
    public sealed record SpecificWord(string Word, double Idf, bool Noun, bool InCorpus, bool Asking);

    /// <summary>A question's reading, shared by its candidates: units, distinct bigrams and dictionary words.</summary>
    public sealed class Question
    {
        internal Question(string text, IReadOnlyList<QueryUnit> units, Bm25Index index, PlainBigramIndex clauses, IReadOnlySet<string> stopPhrases,
            Func<string, IReadOnlyList<string>> synonyms)
        {
            Units = units.Where(u => !u.Boundary).ToList();
            UnitIdf = Units.Select(index.CoverageWeight).ToArray();
            var normalized = TextNormalizer.Normalize(text);
            Bigrams = TextNormalizer.Runs(normalized).Where(r => r.Cjk)
                .SelectMany(r => Enumerable.Range(0, Math.Max(0, r.Text.Length - 1)).Select(i => r.Text.Substring(i, 2)))
                .Distinct(StringComparer.Ordinal).Where(index.Contains).ToList();
            BigramIdf = Bigrams.Select(index.Idf).ToArray();
            Asked = AnswerTypes.Asked(normalized);
            var asked = Asked;
            var kindWords = AnswerTypes.AsksYesOrNo(normalized)
                ? []
                : Units.Where(u => (AnswerTypes.Asked(u.Text) & asked) != AnswerType.None).Select(u => u.Text).ToList();
            if (kindWords.Count == Units.Count)
            {
                kindWords.Clear();
            }
            KindUnit = Units.Select(u => kindWords.Contains(u.Text)).ToArray();
            KindBigram = Bigrams.Select(b => kindWords.Any(w => w.Contains(b, StringComparison.Ordinal))).ToArray();
            var spoken = AskingClause.Split(normalized);
            var words = spoken.Select(c => TextNormalizer.Runs(c).Where(r => r.Cjk).SelectMany(r => ChineseWords.Cut(r.Text)).ToList()).ToList();
            var tokens = words.SelectMany(w => w).ToList();
            var askingAt = AskingClause.Asking(normalized);
            var asking = words.Where((_, i) => askingAt[i]).SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
            Specific = tokens.Where(w => !stopPhrases.Contains(w) && ChineseWords.IsTopical(w)).Distinct(StringComparer.Ordinal)
                .Select(w => new SpecificWord(w, ChineseWords.Idf(w), ChineseWords.IsNoun(w), clauses.Mentions(w) || synonyms(w).Any(clauses.Mentions) || units.Any(u => u.Text == w && u.Alternatives.Any(a => a.Weight < 1 && !a.Partial && a.Terms.All(index.Contains))), asking.Contains(w)))
                .ToList();
            // No word that can name a topic, and none the dictionary lacks (a typo of one: 探清假).
            NamesNothing = Specific.Count == 0 && tokens.All(w => w.Length < 2 || ChineseWords.IsKnown(w));
            Focus = QuestionFocus.Of(tokens);
            FocusKind = Focus is null ? AnswerType.None : AnswerTypes.WithExclusions(AnswerTypes.Asked(Focus), Asked);
            var seen = SeenShare * Specific.Where(w => w.InCorpus).Sum(w => w.Idf);
            // Any part of speech: jieba tags some topic words otherwise (个人所得税 an idiom, 伤残 an adjective, 续签 a verb).
            var unseen = Specific.Where(w => !w.InCorpus && w.Asking).MaxBy(w => w.Idf);
            UnseenTopic = unseen is null ? double.NegativeInfinity : unseen.Idf - seen;
            var unseenNoun = Specific.Where(w => !w.InCorpus && w.Noun).MaxBy(w => w.Idf);
            UnseenNounTopic = unseenNoun is null ? double.NegativeInfinity : unseenNoun.Idf - seen;
            // A topic is named with a noun, even when the asking clause's unseen word is a verb ("疫苗本丢了 上哪补办"). Other
            // words only when rarer than the typical dictionary word (jieba tags 焊工 a verb): "没有关于「不让」的规定" reads
            // as nonsense.
            MissingTopic = Specific.Where(w => !w.InCorpus && (w.Noun || w.Idf >= ChineseWords.MedianIdf))
                .OrderByDescending(w => w.Noun).ThenByDescending(w => w.Asking)
                .ThenByDescending(w => w.Idf).FirstOrDefault()?.Word;
        }

        // How much the words the corpus does use speak for the question being about it; chosen on the cross-validated
        // sets among 0.1-1 (README, Quality): a long question about a covered topic often has one unseen noun of its own.
        private const double SeenShare = 0.5;

        public IReadOnlyList<QueryUnit> Units { get; }
        public double[] UnitIdf { get; }
        public IReadOnlyList<string> Bigrams { get; }
        public double[] BigramIdf { get; }
        public IReadOnlyList<SpecificWord> Specific { get; }
        public AnswerType Asked { get; }

        /// <summary>Which units and bigrams only name the kind of answer asked for (什么「条件」, 哪些「材料」): a clause
        /// that does not give that kind is scored as if it lacked them, as the search does (<c>WithoutBareKindWords</c>).
        /// None in a yes/no question ("够低保条件 能不能享受"): there the clause that names the kind states the rule.</summary>
        public bool[] KindUnit { get; }

        /// <inheritdoc cref="KindUnit"/>
        public bool[] KindBigram { get; }

        /// <summary>Whether the question names no subject at all: every word common or asking ("住几天", "咋办").</summary>
        public bool NamesNothing { get; }

        public string? Focus { get; }
        public AnswerType FocusKind { get; }

        /// <summary>How strongly the question is about a topic the corpus never mentions: the general IDF of the most
        /// specific word no document uses in a clause that asks (公积金, 建造师; <see cref="AskingClause.Asking"/>), less
        /// half the IDF of the question's specific words the corpus has; negative infinity when there is none. The search
        /// abstains at the fitted threshold.</summary>
        public double UnseenTopic { get; }

        /// <summary>The same score counting only nouns, in any clause: what a follow-up names a new subject with, often
        /// before a bare asking clause ("停车费的事 找谁"); its verbs and adverbs are its own wording ("多久能批下来"
        /// asked after an answer).</summary>
        public double UnseenNounTopic { get; }

        /// <summary>The word to name in a "not covered" reply: the most specific unseen noun, one of the asking clause
        /// first, else the most specific unseen rare word; null when there is none.</summary>
        public string? MissingTopic { get; }
    }

    public static Question Read(string text, IReadOnlyList<QueryUnit> units, Bm25Index index, PlainBigramIndex clauses, IReadOnlySet<string> stopPhrases,
        Func<string, IReadOnlyList<string>> synonyms) =>
        new(text, units, index, clauses, stopPhrases, synonyms);

    /// <summary>One feature row per candidate, in <see cref="CandidateNames"/> order.</summary>
    public static float[][] ForCandidates(Question question, IReadOnlyList<Candidate> candidates, PlainBigramIndex clauses)
    {
        var documentTotal = candidates.GroupBy(c => c.Clause.DocId).ToDictionary(g => g.Key, g => g.Sum(c => c.Blend));
        var total = Math.Max(1e-9, candidates.Sum(c => c.Blend));
        var rows = new float[candidates.Count][];
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var body = clauses.Normalized(c.Clause.ClauseKey);
            var headings = TextNormalizer.Normalize(string.Join(' ', c.Clause.Headings));
            var title = TextNormalizer.Normalize(c.Clause.Title);
            var present = clauses.Gives(c.Clause.ClauseKey, question.Asked);
            var focus = question.Focus is not null && QuestionFocus.In(question.Focus, question.FocusKind, body);
            // The clause repeats the kind word without giving the kind ("经复核不再符合困难条件的"): those words don't count.
            var bare = question.Asked != AnswerType.None && present == AnswerType.None;
            rows[i] =
            [
                (float)c.Lexicon,
                (float)c.Plain,
                (float)UnitCoverage(question, bare, t => body.Contains(t, StringComparison.Ordinal) || headings.Contains(t, StringComparison.Ordinal)),
                (float)BigramCoverage(question, bare, body),
                (float)UnitCoverage(question, bare, t => headings.Contains(t, StringComparison.Ordinal)),
                (float)UnitCoverage(question, bare, t => title.Contains(t, StringComparison.Ordinal)),
                (float)WindowCoverage(question, bare, body),
                question.Asked != AnswerType.None && present != AnswerType.None ? 1 : 0,
                question.Asked != AnswerType.None && present == AnswerType.None ? 1 : 0,
                (float)(Math.Log(1 + body.Length) / 8),
                (float)(documentTotal[c.Clause.DocId] / total),
                focus ? 1 : 0,
                question.Focus is not null && !focus ? 1 : 0,
            ];
        }
        return rows;
    }

    /// <summary>Whether one of the unit's whole readings (as typed or a lexicon synonym) is in the text.</summary>
    internal static bool Matches(QueryUnit unit, Func<string, bool> has) =>
        unit.Alternatives.Any(a => !a.Partial && a.Terms.All(has));

    /// <summary>Share of the question's IDF-weighted units (synonyms count) that the text holds.</summary>
    private static double UnitCoverage(Question question, bool bare, Func<string, bool> has)
    {
        double matched = 0, all = 0;
        for (var u = 0; u < question.Units.Count; u++)
        {
            all += question.UnitIdf[u];
            if (!(bare && question.KindUnit[u]) && Matches(question.Units[u], has))
            {
                matched += question.UnitIdf[u];
            }
        }
        return all == 0 ? 0 : matched / all;
    }

    /// <summary>Share of the question's IDF-weighted bigrams, as typed, that the text holds.</summary>
    private static double BigramCoverage(Question question, bool bare, string body)
    {
        double matched = 0, all = 0;
        for (var b = 0; b < question.Bigrams.Count; b++)
        {
            all += question.BigramIdf[b];
            if (!(bare && question.KindBigram[b]) && body.Contains(question.Bigrams[b], StringComparison.Ordinal))
            {
                matched += question.BigramIdf[b];
            }
        }
        return all == 0 ? 0 : matched / all;
    }

    private const int Window = 40;

    /// <summary>The most of the question's IDF-weighted bigrams that one stretch of <see cref="Window"/> characters holds:
    /// an answer states its terms together, a long clause that mentions them far apart is less likely the answer.</summary>
    private static double WindowCoverage(Question question, bool bare, string body)
    {
        var hits = new List<(int Position, int Bigram)>();
        for (var b = 0; b < question.Bigrams.Count; b++)
        {
            if (bare && question.KindBigram[b])
            {
                continue;
            }
            for (var at = body.IndexOf(question.Bigrams[b], StringComparison.Ordinal); at >= 0; at = body.IndexOf(question.Bigrams[b], at + 1, StringComparison.Ordinal))
            {
                hits.Add((at, b));
            }
        }
        if (hits.Count == 0)
        {
            return 0;
        }
        hits.Sort((x, y) => x.Position.CompareTo(y.Position));
        var all = question.BigramIdf.Sum();
        var inWindow = new int[question.Bigrams.Count];
        double mass = 0, bestMass = 0;
        var start = 0;
        foreach (var (position, bigram) in hits)
        {
            if (inWindow[bigram]++ == 0)
            {
                mass += question.BigramIdf[bigram];
            }
            while (hits[start].Position < position - Window)
            {
                if (--inWindow[hits[start].Bigram] == 0)
                {
                    mass -= question.BigramIdf[hits[start].Bigram];
                }
                start++;
            }
            bestMass = Math.Max(bestMass, mass);
        }
        return all == 0 ? 0 : bestMass / all;
    }
}
