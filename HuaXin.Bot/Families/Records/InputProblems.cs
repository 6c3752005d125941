using System.Globalization;
using HuaXin.Bot.People;
using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.Families.Records;

/// <summary>What is wrong with a form or an import row, field by field, in words a clerk can act on. Each reader
/// returns the clean value, or null after noting the problem.</summary>
public sealed class InputProblems
{
    private static readonly string[] TimeFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy/M/d H:mm", "yyyy-M-d", "yyyy/M/d", "yyyy-MM-dd", "yyyy.M.d"];
    private readonly List<(string Field, string Reason)> _problems = [];

    public bool Any => _problems.Count > 0;

    public IReadOnlyList<(string Field, string Reason)> All => _problems;

    /// <summary>Every problem in one sentence, e.g. "走访人：必填；走访时间：不能晚于现在。".</summary>
    public string Message => "未保存：" + string.Join("；", _problems.Select(p => $"{p.Field}{p.Reason}")) + "。";

    public void Add(string field, string reason) => _problems.Add((field, reason));

    public string? Required(string field, string? text, int max)
    {
        var value = Optional(field, text, max);
        if (value is null && !_problems.Any(p => p.Field == field))
        {
            Add(field, "必填");
        }
        return value;
    }

    public string? Optional(string field, string? text, int max)
    {
        var value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (value is { Length: var length } && length > max)
        {
            Add(field, $"太长（{length} 字），最多 {max} 字");
            return null;
        }
        return value;
    }

    /// <summary>One of the allowed words; <paramref name="fallback"/> when empty.</summary>
    public string? OneOf(string field, string? text, IReadOnlyList<string> allowed, string? fallback = null)
    {
        var value = string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();
        if (value is null)
        {
            Add(field, "必填");
            return null;
        }
        if (!allowed.Contains(value))
        {
            Add(field, $"“{value}”不在可选项中（{string.Join("、", allowed)}）");
            return null;
        }
        return value;
    }

    /// <summary>A time in China time (date alone means midnight), not in the future and not before 2000.</summary>
    public DateTimeOffset? Time(string field, string? text, DateTimeOffset now, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) Add(field, "必填");
            return null;
        }
        var trimmed = text.Trim();
        if (!DateTime.TryParseExact(trimmed, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && !DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            Add(field, $"“{trimmed}”不是日期，请写成 2026-03-08 或 2026-03-08 14:30");
            return null;
        }
        var at = ServiceTime.FromLocal(local);
        if (at > now.AddMinutes(10))
        {
            Add(field, "不能晚于现在");
            return null;
        }
        if (local.Year < 2000)
        {
            Add(field, "年份不对");
            return null;
        }
        return at;
    }

    public DateOnly? Day(string field, string? text, DateTimeOffset now, bool required = true) =>
        Time(field, text, now, required) is { } at ? DateOnly.FromDateTime(ServiceTime.ToLocal(at).DateTime) : null;

    /// <summary>An amount of yuan, above zero, at most <paramref name="max"/>, in fen at most.</summary>
    public decimal? Amount(string field, string? text, decimal max, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) Add(field, "必填");
            return null;
        }
        var trimmed = text.Trim().TrimEnd('元').Replace(",", "").Replace("，", "");
        if (!decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            Add(field, $"“{text.Trim()}”不是金额，请只写数字，例如 2000");
            return null;
        }
        if (amount <= 0 || amount > max || decimal.Round(amount, 2) != amount)
        {
            Add(field, $"应在 0 到 {max:0} 元之间，最多两位小数");
            return null;
        }
        return amount;
    }

    /// <summary>Hours of service: half hours, at least 0.5, at most 24 (星火365志愿服务管理办法 第五章).</summary>
    public decimal? Hours(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(field, "必填");
            return null;
        }
        if (!decimal.TryParse(text.Trim().TrimEnd('小', '时', 'h', 'H'), NumberStyles.Number, CultureInfo.InvariantCulture, out var hours)
            || hours < 0.5m || hours > 24 || hours * 2 != decimal.Truncate(hours * 2))
        {
            Add(field, $"“{text.Trim()}”不对：按半小时计，最少 0.5，最多 24");
            return null;
        }
        return hours;
    }

    public string? Phone(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var phone = PhoneNumbers.Normalize(text);
        if (phone is null)
        {
            Add(field, $"“{text.Trim()}”不是电话号码");
        }
        return phone;
    }
}
