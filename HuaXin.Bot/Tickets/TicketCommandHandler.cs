using System.Text.RegularExpressions;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Tickets;

/// <summary>Ticket commands typed or pressed in any chat — staff: 受理/转派/备注/内部备注/退回/办结/协办/取消协办 HX-…, 待办;
/// requesters: 补充/撤回/评价 HX-… — are handled here; everything else goes on to the conversation.</summary>
public sealed partial class TicketCommandHandler(ITurnHandler conversation, TicketService tickets, StaffDirectory staff) : ITurnHandler
{
    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        var text = (turn.Value is not null && turn.Value.TryGetValue(CardData.Action, out var action) ? action : turn.Text)?.Trim() ?? "";
        var member = staff.Find(turn.Channel, turn.UserId);
        var actor = new TicketActor(turn.Channel, turn.UserId, turn.UserName, member);

        if (member is not null && IsStaffListRequest(text))
        {
            return [await ListAsync(member, cancellationToken)];
        }
        var match = Command().Match(text);
        if (!match.Success)
        {
            return await conversation.HandleAsync(turn, cancellationToken);
        }
        var number = match.Groups["number"].Value.ToUpperInvariant();
        var rest = match.Groups["rest"].Value.Trim();
        var verb = match.Groups["verb"].Value;
        var outcome = verb switch
        {
            "受理" => await tickets.AcceptAsync(number, actor, cancellationToken),
            "备注" => await tickets.CommentAsync(number, actor, rest, cancellationToken),
            "内部备注" => await tickets.NoteInternallyAsync(number, actor, rest, cancellationToken),
            "协办" => await CoHandlerAsync(number, actor, rest, add: true, cancellationToken),
            "取消协办" => await CoHandlerAsync(number, actor, rest, add: false, cancellationToken),
            "退回" => await tickets.ReturnAsync(number, actor, rest, cancellationToken),
            "办结" => await tickets.ResolveAsync(number, actor, rest, cancellationToken),
            "转派" => await TransferAsync(number, actor, rest, cancellationToken),
            "补充" => await tickets.SupplementAsync(number, actor, rest, cancellationToken),
            "撤回" => await tickets.WithdrawAsync(number, actor, cancellationToken),
            _ => await RateAsync(number, actor, rest, cancellationToken),
        };
        // A press on the ticket card (Teams Action.Execute) gets the card back as the change left it, so the channel
        // replaces the pressed card in place instead of leaving a stale one with buttons that no longer apply.
        if (turn.Value is not null && outcome is { Ok: true, Ticket: { } changed } && verb is "受理" or "备注" or "退回" or "办结")
        {
            return [TicketCards.StaffCard(changed, tickets.CategoryName(changed), $"已{verb}")];
        }
        return [new OutboundMessage(outcome.Message)];
    }

    /// <summary>True when the text is a ticket command, so channels can route it to staff handling even from a group chat.</summary>
    public static bool IsCommand(string text) => IsStaffListRequest(text.Trim()) || Command().IsMatch(text.Trim());

    private static bool IsStaffListRequest(string text) => text is "待办" or "工单" or "工单列表";

    private Task<TicketOutcome> TransferAsync(string number, TicketActor actor, string rest, CancellationToken ct)
    {
        var parts = rest.Split([' ', '　', '，', ','], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 0
            ? Task.FromResult(new TicketOutcome(false, $"请写上要转给哪个部门和原因，例如：转派 {number} 后勤管理中心 属于家中维修。"))
            : tickets.TransferAsync(number, actor, parts[0], parts.Length > 1 ? parts[1] : "", ct);
    }

    private Task<TicketOutcome> CoHandlerAsync(string number, TicketActor actor, string rest, bool add, CancellationToken ct)
    {
        var department = rest.Split([' ', '　', '，', ','], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (department is null)
        {
            return Task.FromResult(new TicketOutcome(false, $"请写上部门，例如：{(add ? "协办" : "取消协办")} {number} 车间工会。"));
        }
        return add ? tickets.AddCoHandlerAsync(number, actor, department, ct) : tickets.RemoveCoHandlerAsync(number, actor, department, ct);
    }

    private Task<TicketOutcome> RateAsync(string number, TicketActor actor, string rest, CancellationToken ct)
    {
        var rating = Ratings.Parse(rest);
        return rating is null
            ? Task.FromResult(new TicketOutcome(false, $"请从这几项中选择：{string.Join("、", Ratings.All)}。例如：评价 {number} 满意"))
            : tickets.RateAsync(number, actor, rating, rest[rating.Length..].Trim(' ', '，', ',', '：', ':'), ct);
    }

    private async Task<OutboundMessage> ListAsync(StaffMember member, CancellationToken ct)
    {
        var open = await tickets.OpenForAsync(member, ct);
        if (open.Count == 0)
        {
            return new OutboundMessage($"{member.Department}目前没有待办工单。");
        }
        var facts = open.Select(t => new CardFact(t.Number, $"{tickets.CategoryName(t)}｜{t.Status}｜联系时限 {TicketCards.Local(t.FirstContactDue)}")).ToList();
        var title = (member.Role == StaffRole.Admin ? "全部待办工单" : $"{member.Department}待办工单") + $"（{open.Count}）";
        var card = new Card(CardKinds.List, title, null, facts, []);
        return new OutboundMessage(CardText.Render(card), card);
    }

    [GeneratedRegex(@"^(?<verb>受理|转派|备注|内部备注|退回|办结|补充|撤回|评价|协办|取消协办)\s*(?<number>HX-\d{8}-\d{4,6})(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Command();
}
