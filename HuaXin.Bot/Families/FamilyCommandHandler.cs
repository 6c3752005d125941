using System.Text.RegularExpressions;
using HuaXin.Bot.BotFramework.DirectLine;
using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Families;

/// <summary>Family binding in chat — a worker asks for 「绑定码」/「家属绑定」, a family member types 「绑定 CODE」 in the
/// web chat — handled here; everything else goes on to the ticket commands and the conversation.</summary>
public sealed partial class FamilyCommandHandler(ITurnHandler next, FamilyBinding binding) : ITurnHandler
{
    /// <summary>Family members bind in the family web chat; workers themselves are known from the roster.</summary>
    public const string FamilyChannel = DirectLineConversations.Channel;

    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        var text = turn.Text?.Trim() ?? "";
        if (text is "绑定码" or "家属绑定" or "家属绑定码")
        {
            return [new OutboundMessage(await binding.IssueAsync(turn.Channel, turn.UserId, cancellationToken))];
        }
        var redeem = Redeem().Match(text);
        if (!redeem.Success)
        {
            return await next.HandleAsync(turn, cancellationToken);
        }
        if (turn.Channel != FamilyChannel)
        {
            return [new OutboundMessage("家属绑定请在华新亲情服务网页的对话框里输入「绑定 绑定码」。")];
        }
        return [new OutboundMessage(await binding.RedeemAsync(turn.Channel, turn.UserId, redeem.Groups["code"].Value, cancellationToken))];
    }

    [GeneratedRegex(@"^绑定[\s:：]*(?<code>[A-Za-z0-9][A-Za-z0-9\s\-－]{3,20})$")]
    private static partial Regex Redeem();
}
