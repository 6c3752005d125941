using System.Text.RegularExpressions;
using HuaXin.Bot.Core;

namespace HuaXin.Bot.AI;

/// <summary>Prepares what a user typed for a prompt: it is data, never instructions. Personal numbers are masked before
/// they leave the service, and angle brackets are made full-width so the text cannot close or forge the prompt's tags.</summary>
public static partial class UserText
{
    public const int MaxLength = 500;

    public static string ForPrompt(string text)
    {
        var trimmed = text.Length > MaxLength ? text[..MaxLength] : text;
        var masked = IdNumber().Replace(MobileNumber.MaskAll(trimmed), m => $"{m.Value[..6]}********{m.Value[^4..]}");
        return masked.Replace('<', '＜').Replace('>', '＞');
    }

    /// <summary>Wraps user text in a tag the system prompt tells the model to treat as data.</summary>
    public static string Wrap(string tag, string text) => $"<{tag}>\n{ForPrompt(text)}\n</{tag}>";

    // Resident identity card numbers.
    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex IdNumber();
}
