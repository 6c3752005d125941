using System.Text;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge.Parsing;
using HuaXin.Bot.Knowledge.Ranking;
using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Knowledge.Answering;

/// <summary>Builds the user-facing text from retrieved clauses. Extractive only: the clause's own sentences, chosen,
/// never reworded or cut inside a sentence or a list item.</summary>
internal static class AnswerComposer
{
    /// <summary>A lead may hold a whole list (its items) up to this length; longer lists are left to 查看原文.</summary>
    public const int WholeListUpTo = 300;

    /// <summary>The full clause shown behind 查看原文 is bounded too, at a sentence end.</summary>
    public const int MaxClauseChars = 2000;

    private const int LeadSentences = 2;

    /// <summary>What the articles a lead leans on may add to it together; beyond it they stay behind the citation.</summary>
    public const int ReferencesUpTo = 200;

    public const string NotCovered = "知识库里暂时没有找到这个问题的规定。";

    public const string NumberNotStated = "找到的规定里没有写具体是多少。";

    /// <summary>For a question that names no subject ("住几天" with nothing before it).</summary>
    public const string NoSubject = "您问的是哪方面的规定？说上事由就行，比如「探亲假能休几天」。";

    public static string NotCoveredAbout(string? topic) => topic is null ? NotCovered : $"知识库里没有关于「{topic}」的规定。";

    public static Citation ToCitation(ScoredChunk hit, IndexedChunk? clause = null) =>
        new(hit.Chunk.DocId, hit.Chunk.Title, hit.Chunk.Headings, Bounded((clause ?? hit.Chunk).Text), Math.Round(hit.Score, 4));

    /// <summary>The lead sentences, then where they are from; the earlier topic first when the question was read in it.</summary>
    public static string Compose(string lead, Citation best, KnowledgeTopic? assumed)
    {
        var text = new StringBuilder();
        if (assumed is not null)
        {
            text.Append("（接着上一个问题，按《").Append(assumed.Title).Append("》回答）\n");
        }
        // A blank line, so a card's markdown does not read the source as part of a list that ends the lead.
        return text.Append(lead).Append("\n\n——").Append(best.ShortSource).ToString();
    }

    /// <summary>The lead, then each article of the same document it leans on ("在第四条标准基础上"), labelled "第四条：…":
    /// a short article whole, a longer one by its answering sentences. All or none: a lead that names three articles
    /// and shows one reads as if the others did not matter, so when any cannot be shown (absent, named twice in the
    /// document, a bare list item, or past <see cref="ReferencesUpTo"/> together) the lead stands alone, as before.
    /// One level only: what a referenced article refers to is not followed.</summary>
    public static string WithReferences(string lead, IndexedChunk clause, IReadOnlyList<IndexedChunk> clauses,
        IReadOnlyList<QueryUnit> units, Func<string, double> idf)
    {
        var own = clause.Headings.Count == 0 ? "" : clause.Headings[^1];
        var added = new StringBuilder();
        foreach (var label in ClauseReferences.SameDocument(lead, own))
        {
            var named = clauses.Where(c => c.DocId == clause.DocId && c.Headings.Count > 0 && c.Headings[^1] == label).Take(2).ToList();
            if (named.Count != 1)
            {
                return lead;
            }
            // A bare list item reads as a fragment without the sentence that opens the list.
            var whole = string.Join('\n', named[0].Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var referenced = whole.Length <= ReferencesUpTo ? whole : Lead(named[0].Text, units, idf);
            if (ClauseHeadings.TryItem(referenced, out _, out _))
            {
                return lead;
            }
            added.Append('\n').Append(label).Append('：').Append(referenced);
            if (added.Length > ReferencesUpTo)
            {
                return lead;
            }
        }
        return lead + added;
    }

    /// <summary>What a sentence must hold to give what the question asks: a number of what it asks (多少钱 → 元), else an
    /// expression of the kind of answer; null when it asks for neither.</summary>
    private static Func<string, bool>? Giving(string normalizedQuestion)
    {
        if (AskedNumber.Asked(normalizedQuestion) is { } unit)
        {
            return sentence => AskedNumber.Stated(sentence, unit);
        }
        var asked = AnswerTypes.Asked(normalizedQuestion);
        return asked == AnswerType.None || AnswerTypes.AsksYesOrNo(normalizedQuestion) ? null
            : sentence => AnswerTypes.Present(sentence, asked) != AnswerType.None;
    }

    /// <summary>The one or two sentences of the clause that share the most specific words with the question, in their
    /// original order; one that gives what the <paramref name="question"/> asks for (a number of what it asks, the kind
    /// of answer: the papers, the office) before one that only shares words ("帮扶一年能给多少钱": the amounts, not "一年内
    /// 只能申请一次"). A sentence that opens a list ("有下列情形之一的：") brings its items when they are short.</summary>
    public static string Lead(string clause, IReadOnlyList<QueryUnit> units, Func<string, double> idf, string? question = null)
    {
        var lines = clause.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sentences = new List<(string Text, int Line)>();
        for (var l = 0; l < lines.Length; l++)
        {
            sentences.AddRange(ChunkBuilder.Sentences(lines[l]).Where(s => s.Trim().Length > 0).Select(s => (s.Trim(), l)));
        }
        if (sentences.Count == 0)
        {
            return clause;
        }
        var terms = units.SelectMany(u => u.Alternatives).SelectMany(a => a.Terms).Where(t => t.Length > 1).ToHashSet(StringComparer.Ordinal);
        var matched = sentences.Select(s =>
        {
            var normalized = TextNormalizer.Normalize(s.Text);
            return terms.Where(t => normalized.Contains(t, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        }).ToList();
        var scores = matched.Select(m => m.Sum(idf)).ToList();
        // Only sentences that give what was asked, when any does; among them, those that share the most words.
        var giving = question is not null && Giving(TextNormalizer.Normalize(question)) is { } gives
            ? sentences.Select(s => gives(TextNormalizer.Normalize(s.Text))).ToArray()
            : new bool[sentences.Count];
        var pool = Enumerable.Range(0, sentences.Count).Where(i => scores[i] > 0 || giving[i]).ToList();
        if (pool.Any(i => giving[i]))
        {
            pool = pool.Where(i => giving[i]).ToList();
        }
        var chosen = pool.OrderByDescending(i => scores[i]).ThenBy(i => i).Take(LeadSentences).Order().ToList();
        if (chosen.Count == 0)
        {
            chosen.Add(0);
        }
        // A second sentence only when it is nearly as relevant, or names something the question asks that the first does
        // not ("困难职工家庭孩子考上高中给多少": the 800元 for 高中, then "属于困难职工家庭的，提高至1500元"); one good sentence
        // reads better than two loose ones.
        if (chosen.Count == 2 && Math.Min(scores[chosen[0]], scores[chosen[1]]) < Math.Max(scores[chosen[0]], scores[chosen[1]]) / 2
            && (matched[chosen[0]].IsSubsetOf(matched[chosen[1]]) || matched[chosen[1]].IsSubsetOf(matched[chosen[0]])))
        {
            chosen = [scores[chosen[0]] >= scores[chosen[1]] ? chosen[0] : chosen[1]];
        }
        var lead = new List<string>();
        foreach (var i in chosen)
        {
            // An item alone ("1. 工伤认定、劳动能力鉴定和工伤待遇争议；") does not say what it is an item of: the sentence
            // that opens its list comes first. When two items of one short list answer, the list comes whole: the amounts
            // for 研究生 and 本科 without 专科 read as if there were no third.
            if (ClauseHeadings.TryItem(sentences[i].Text, out _, out _)
                && sentences.Take(i).LastOrDefault(s => s.Line < sentences[i].Line && (s.Text.EndsWith('：') || s.Text.EndsWith(':'))) is { Text: { } opener, Line: var openerLine })
            {
                lead.Add(opener);
                var whole = string.Join("\n", lines.Skip(openerLine + 1));
                if (chosen.Count(c => sentences[c].Line > openerLine && ClauseHeadings.TryItem(sentences[c].Text, out _, out _)) > 1 && whole.Length <= WholeListUpTo)
                {
                    lead.Add(whole);
                    break;
                }
            }
            lead.Add(sentences[i].Text);
            var opensList = sentences[i].Text.EndsWith('：') || sentences[i].Text.EndsWith(':');
            var items = sentences.Skip(i + 1).Where(s => s.Line > sentences[i].Line).Select(s => s.Text).ToList();
            if (opensList && items.Count > 0)
            {
                var list = string.Join("\n", lines.Skip(sentences[i].Line + 1));
                lead.Add(list.Length <= WholeListUpTo ? list : $"（共 {lines.Length - sentences[i].Line - 1} 项，见原文）");
                break;
            }
        }
        return string.Join("\n", lead.Distinct());
    }

    /// <summary>At most <see cref="MaxClauseChars"/>, cut after a whole sentence.</summary>
    public static string Bounded(string text)
    {
        if (text.Length <= MaxClauseChars)
        {
            return text;
        }
        var cut = text.LastIndexOfAny(['。', '；', '\n'], MaxClauseChars - 1);
        return text[..(cut > 0 ? cut + 1 : MaxClauseChars)] + "……（原文较长，请查阅文件全文）";
    }
}
