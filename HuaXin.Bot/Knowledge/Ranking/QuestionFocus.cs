using System.Text.RegularExpressions;

namespace HuaXin.Bot.Knowledge.Ranking;

/// <summary>The word a question asks about, found by the grammar of Chinese questions: the word right after a
/// question word (哪家「银行」, 什么「材料」, 多少「钱」) or the unit inside one (几「天」, 多少「岁」). A clause that
/// answers holds that word, or for a unit a number with it ("十五天", "3日").</summary>
public static class QuestionFocus
{
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "哪", "哪个", "哪家", "哪位", "哪所", "哪种", "哪些", "哪一家", "哪一个", "哪一种", "什么", "啥", "几", "几个", "多少", "多少个", "啥样", "什么样",
    };

    private static readonly string[] Prefixes = ["多少", "几", "哪"];

    // Measure words and particles say nothing of the focus by themselves.
    private static readonly HashSet<string> NotFocus = new(StringComparer.Ordinal)
    {
        "个", "位", "家", "种", "所", "些", "里", "儿", "的", "了", "吗", "呢", "啊", "呀", "是", "有", "能", "要", "会", "可以", "都", "还", "时候", "时间", "样",
    };

    // Units a number answers with, and how documents write them.
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["天"] = "天|日", ["日"] = "天|日", ["钱"] = "元|块", ["块"] = "元|块", ["元"] = "元", ["岁"] = "岁", ["年"] = "年", ["月"] = "月",
        ["次"] = "次", ["倍"] = "倍", ["号"] = "号|日", ["人"] = "人|名", ["小时"] = "小时", ["周"] = "周|星期", ["分"] = "分",
    };

    /// <summary>The focus word, or null when the question has none (a bare topic, a yes/no question).</summary>
    public static string? Of(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (QuestionWords.Contains(token))
            {
                if (i + 1 < tokens.Count && IsFocus(tokens[i + 1]))
                {
                    return tokens[i + 1];
                }
                continue;
            }
            // jieba keeps 几天, 多少钱 as one word: the unit is the rest.
            if (Prefixes.FirstOrDefault(p => token.Length > p.Length && token.StartsWith(p, StringComparison.Ordinal)) is { } prefix
                && IsFocus(token[prefix.Length..]))
            {
                return token[prefix.Length..];
            }
        }
        return null;
    }

    /// <summary>Whether the text (normal form) holds the focus: a number with the unit; for a word that names a kind of
    /// answer (什么「条件」, 哪些「材料」) that kind's form, since a clause that only says the word ("符合困难条件的")
    /// does not state the answer; else the word itself.</summary>
    public static bool In(string focus, string text) => In(focus, AnswerTypes.Asked(focus), text);

    /// <param name="kind">The kinds of answer the focus word names (<see cref="AnswerTypes.Asked"/> of it), read once
    /// for all of a question's candidates.</param>
    public static bool In(string focus, AnswerType kind, string text)
    {
        if (Units.TryGetValue(focus, out var unit))
        {
            return Regex.IsMatch(text, $"[0-9零一二三四五六七八九十百千万两半]\\s*个?({unit})");
        }
        return kind != AnswerType.None
            ? AnswerTypes.Present(text, kind) != AnswerType.None
            : text.Contains(focus, StringComparison.Ordinal);
    }

    private static bool IsFocus(string token) =>
        token.Length > 0 && !NotFocus.Contains(token) && token.All(Search.TextNormalizer.IsCjk);
}
