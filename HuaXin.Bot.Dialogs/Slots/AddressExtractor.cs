using System.Text.RegularExpressions;

namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>A street address: …村, …小区5号楼2单元301, …路12号, …路3号楼, including the 区/县/镇 before it; a named …街道 or …镇
/// when that is all the sender gives.</summary>
public sealed partial class AddressExtractor : ISlotExtractor
{
    // Words that end the lead-in to an address ("俺娘住在东山村" → 东山村).
    private static readonly string[] LeadInEnds =
        ["地址", "住址", "老家", "家里", "位于", "上门", "在", "住", "是", "到", "去", "来", "的", "了", "给", "帮", "修", "我", "俺", "你", "他", "她", "娘", "妈", "爹", "爸", "说", "就", "那", "这"];

    public string Slot => SlotNames.Address;

    public SlotMatch? Extract(string text)
    {
        foreach (Match match in Anchored().Matches(text))
        {
            var prefix = TrimLeadIn(match.Groups["prefix"].Value);
            var anchor = match.Groups["anchor"].Value;
            // 回村, 一个农村妇女, 去街道办 are not addresses.
            if ((prefix.Length < 2 && (anchor.Length == 1 || anchor == "街道")) || (anchor == "村" && prefix.EndsWith('农'))) continue;
            var address = prefix + anchor + match.Groups["units"].Value + Continuation(text, match.Index + match.Length);
            return new SlotMatch(address);
        }
        return null;
    }

    // "平阴县孔村镇李庄村": the first anchor (孔村) is followed by more address parts. People type the parts apart
    // ("黛溪街道 北关村 三排五号", "幸福小区 3号楼 201", "何坊街道，张家村5号"): they are joined, with the space kept.
    private static string Continuation(string text, int at)
    {
        var rest = "";
        while (at < text.Length)
        {
            var gap = Gap().Match(text, at);
            var from = at + gap.Length;
            var next = Continued().Match(text, from);
            if (!next.Success || LeadInEnds.Any(w => next.Groups["chunk"].Value.Contains(w, StringComparison.Ordinal)))
            {
                next = gap.Length > 0 && !PhoneAhead().Match(text, from).Success ? UnitsOnly().Match(text, from) : Match.Empty;
                if (!next.Success || next.Length == 0) break;
            }
            rest += (gap.Length > 0 ? " " : "") + next.Value;
            at = from + next.Length;
        }
        return rest;
    }

    private static string TrimLeadIn(string prefix)
    {
        var cut = LeadInEnds.Select(w => (at: prefix.LastIndexOf(w, StringComparison.Ordinal), w))
            .Where(x => x.at >= 0)
            .Select(x => x.at + x.w.Length)
            .DefaultIfEmpty(0)
            .Max();
        return prefix[cut..].TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
    }

    private const string Units = @"(?:[\d一二三四五六七八九十]{1,4}(?:号楼|号院|栋|幢|单元|层|楼|室|号|组|排|户)|-\d{1,4}|\d{1,4}(?!\d))";

    [GeneratedRegex(@"(?<prefix>[\p{IsCJKUnifiedIdeographs}\dA-Za-z]{1,16}?)(?<anchor>小区|社区|花园|家园|公寓|新村|家属院|大院|苑|村(?![里委上民长干口子])|庄|屯|街道|镇|(?:路|街|大道|巷|胡同)[\d一二三四五六七八九十]{1,5}号(?:楼|院)?)(?<units>" + Units + "*)")]
    private static partial Regex Anchored();

    [GeneratedRegex(@"\G[\s，,、]*")]
    private static partial Regex Gap();

    // "138 0531 2266" typed in groups is a phone number, not 楼 and 室.
    [GeneratedRegex(@"\G(?:\d[\s-]?){7,}")]
    private static partial Regex PhoneAhead();

    // Units alone after a gap ("3号楼 201"), not a number that starts something else ("3天").
    [GeneratedRegex(@"\G(?:" + Units + @")+(?![\p{IsCJKUnifiedIdeographs}])")]
    private static partial Regex UnitsOnly();

    [GeneratedRegex(@"\G(?<chunk>[\p{IsCJKUnifiedIdeographs}\d]{0,6}?)(?:镇|乡|街道|小区|社区|花园|家园|苑|村|庄|屯|(?:路|街)[\d一二三四五六七八九十]{1,5}号(?:楼|院)?)" + Units + "*")]
    private static partial Regex Continued();
}
