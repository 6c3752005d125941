using System.Text;
using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Reports.KnowledgeUpkeep;

/// <summary>How a question is compared with the curated ones: full-width/half-width and case folded, spaces and punctuation dropped,
/// so "申请帮扶要啥材料？" and "申请帮扶要啥材料" are the same question.</summary>
public static class CuratedQuestion
{
    public static string Normalize(string question)
    {
        var text = new StringBuilder();
        foreach (var c in TextNormalizer.Normalize(question))
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
