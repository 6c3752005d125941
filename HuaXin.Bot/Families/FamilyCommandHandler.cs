using System.Text.RegularExpressions;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Families;

/// <summary>Family binding in chat (a worker asks for 「绑定码」/「家属绑定」, a family member types 「绑定 CODE」 in the
/// web chat), access back on a new phone («HX-… 1234»: a ticket this phone cannot see yet and the last four digits of
/// the phone number on it) and a 联络员's 「联系家庭」 (their families and when each visit falls due) are handled here;
/// everything else goes on to the ticket commands and the conversation.</summary>
public sealed partial class FamilyCommandHandler(ITurnHandler next, FamilyBinding binding, FamilyRecovery recovery, Tracking.Liaisons liaisons) : ITurnHandler
{
    /// <summary>Family members bind in the family web chat; workers themselves are known from the roster.</summary>
    public const string FamilyChannel = ChannelNames.DirectLine;

    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        var text = turn.Text?.Trim() ?? "";
        if (text is "绑定码" or "家属绑定" or "家属绑定码")
        {
            return [new OutboundMessage(await binding.IssueAsync(turn.Channel, turn.UserId, cancellationToken))];
        }
        if (text is "联系家庭" or "我的联系家庭" or "结对家庭" or "走访提醒")
        {
            return [new OutboundMessage(await liaisons.DescribeForAsync(turn.Channel, turn.UserId, cancellationToken))];
        }
        if (turn.Channel == FamilyChannel && Recover().Match(text) is { Success: true } recover)
        {
            var number = recover.Groups["number"].Value.ToUpperInvariant();
            // A number this phone already sees is a status question for the conversation, digits or not.
            if (await recovery.IsForeignAsync(turn.Channel, turn.UserId, number, cancellationToken))
            {
                return [new OutboundMessage(await recovery.RecoverAsync(turn.Channel, turn.UserId, number, recover.Groups["digits"].Value, cancellationToken))];
            }
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

    /// <summary>"HX-20261201-0001 1234", "找回 HX-20261201-0001，手机尾号1234", "HX-20261201-0001 后四位：1234".</summary>
    [GeneratedRegex(@"^(?:找回|恢复)?[\s:：]*(?<number>HX-\d{8}-\d{4,6})[\s,，、:：。]*(?:手机|电话)?号?码?(?:的)?(?:后四位|尾号|后4位)?(?:是|为)?[\s:：]*(?<digits>\d{4})[。.]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Recover();
}
