using System.Text.RegularExpressions;

namespace HuaXin.Bot.Knowledge.Ranking;

/// <summary>Where a question asks. Colloquial Chinese puts the background first and the question last ("俺男人是建造师
/// 探亲假有几天"): the clause that asks names the topic, the clauses before it often name things the corpus never needs
/// to mention. Clauses are the runs between punctuation and spaces.</summary>
public static partial class AskingClause
{
    /// <summary>The clauses of a question (normal form), in order.</summary>
    public static IReadOnlyList<string> Split(string normalized) =>
        Separators().Split(normalized).Where(c => c.Length > 0).ToList();

    /// <summary>Index of the last clause that asks; 0 (the whole question counts) when none does.</summary>
    public static int LastAsking(IReadOnlyList<string> clauses)
    {
        for (var i = clauses.Count - 1; i >= 0; i--)
        {
            if (Asks(clauses[i]))
            {
                return i;
            }
        }
        return 0;
    }

    /// <summary>Whether each clause of <see cref="Split"/> is one the question asks in: the last clause that asks and
    /// everything after it (all of them when none asks), and an earlier clause that ends in a question: its question
    /// word at its end ("残疾证在哪里办？需要带什么材料？": the topic is named in the first question), or a question mark
    /// after a clause that asks ("宿舍是怎么分配的？几个人住一间？"). Earlier, a question word followed by more and no
    /// question mark is background more often than a question ("社区几次介绍工作都推掉", "啥也没剩下").</summary>
    public static bool[] Asking(string normalized)
    {
        var clauses = Split(normalized);
        var questioned = QuestionMarked(normalized);
        var last = LastAsking(clauses);
        return clauses.Select((c, i) => i >= last || EndsAsking(c) || (questioned[i] && Asks(c))).ToArray();
    }

    /// <summary>Per clause, whether a question mark follows it.</summary>
    private static bool[] QuestionMarked(string normalized)
    {
        var marked = new List<bool>();
        var at = 0;
        foreach (Match separator in Separators().Matches(normalized))
        {
            if (separator.Index > at)
            {
                marked.Add(separator.Value.Contains('?'));
            }
            at = separator.Index + separator.Length;
        }
        if (at < normalized.Length)
        {
            marked.Add(false);
        }
        return [.. marked];
    }

    // At most this many characters after the question word: 在哪里「办」, 能休几「天」, 怎么「申请」.
    private const int AfterQuestionWord = 2;

    private static bool EndsAsking(string clause) =>
        Question().Matches(clause).Any(m => clause.Length - (m.Index + m.Length) <= AfterQuestionWord);

    /// <summary>A clause asks with a question word, a question particle at its end (吗, 呢, 不, 没), an A不A form
    /// (发不发, 有没有), or by asking for a kind of answer (期限, 材料, 找谁).</summary>
    public static bool Asks(string clause) =>
        Question().IsMatch(clause) || AnswerTypes.Asked(clause) != AnswerType.None;

    [GeneratedRegex(@"什么|怎么|怎样|咋|啥|哪|谁|多少|几|如何|是否|能否|可否|为何|多久|多长|何时|[吗呢么不没]$|(\p{IsCJKUnifiedIdeographs})[不没]\1")]
    private static partial Regex Question();

    // Everything that is neither a letter (Chinese characters included) nor a digit ends a clause, as it ends a run of text.
    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex Separators();
}
