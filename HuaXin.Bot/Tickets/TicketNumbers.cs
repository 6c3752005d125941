using System.Text.RegularExpressions;

namespace HuaXin.Bot.Tickets;

/// <summary>Ticket numbers (HX-yyyyMMdd-NNNN) inside free text, so reports about what people asked can leave out what
/// was only a ticket command or a number typed to look one up.</summary>
public static partial class TicketNumbers
{
    /// <summary>A ticket command (受理 HX-…, 我的诉求 …) or any text naming a ticket number: not a question about policy.</summary>
    public static bool IsTicketTalk(string text) => TicketCommandHandler.IsCommand(text) || Number().IsMatch(text);

    /// <summary>The text without ticket numbers (and the spaces they leave).</summary>
    public static string Strip(string text) => Spaces().Replace(Number().Replace(text, " "), " ").Trim();

    [GeneratedRegex(@"HX-\d{8}-\d{4,6}", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
