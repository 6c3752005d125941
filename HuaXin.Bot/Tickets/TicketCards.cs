using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Tickets;

/// <summary>The neutral messages a ticket produces: the staff card, requester notices, the rating card.
/// Every button's text is also the command a user can type; which buttons a ticket shows is <see cref="Ticket.CardSteps"/>.</summary>
public static class TicketCards
{
    /// <param name="readerDepartment">The department the card goes to, when not the ticket's own (督办): unless it works
    /// the ticket it reads the family's words and numbers with mobile numbers masked (<see cref="Ticket.MayCall"/>), as on the console.</param>
    public static OutboundMessage StaffCard(ServiceRequest ticket, string categoryName, string headline, string? readerDepartment = null)
    {
        var rules = new Ticket(ticket);
        var shown = (string text) => rules.Shown(text, readerDepartment ?? ticket.Department);
        var facts = new List<CardFact>
        {
            new("编号", ticket.Number),
            new("类别", categoryName),
            new("状态", ticket.Status + (ticket.Supervised ? "（督办）" : "")),
            new("申请人", (ticket.RequesterName ?? ticket.UserName ?? "未留姓名") + (ticket.RequesterRelation is { } relation ? $"（{relation}）" : "")),
            new("首次联系时限", Local(ticket.FirstContactDue)),
            new("办结时限", Local(ticket.ResolveDue)),
        };
        if (ticket.AssigneeName is not null)
        {
            facts.Add(new CardFact("受理人", ticket.AssigneeName));
        }
        if (ticket.CoHandlers.Count > 0)
        {
            facts.Add(new CardFact("协办部门", string.Join("、", ticket.CoHandlers.Select(h => h.Department))));
        }
        var slots = TicketSlots.All(ticket);
        facts.AddRange(TicketSlots.Labels.Where(l => slots.ContainsKey(l.Key)).Select(l => new CardFact(l.Value, shown(slots[l.Key]))));
        var buttons = rules.CardSteps.Select(s => Button(s.Verb(), ticket)).ToArray();
        var card = new Card(CardKinds.Ticket, $"{headline} {ticket.Number}", shown(ticket.OriginalText), facts, buttons);
        return new OutboundMessage(CardText.Render(card, replyHint: "转派、备注、办结后面写上部门或内容"), card);
    }

    public static OutboundMessage Notice(string text) => new(text);

    public static OutboundMessage RatingRequest(ServiceRequest ticket)
    {
        var buttons = Ratings.All.Select(r => new CardButton(r, $"评价 {ticket.Number} {r}", Data($"评价 {ticket.Number} {r}", ticket))).ToList();
        var body = $"您的诉求 {ticket.Number} 已办结。处理结果：{ticket.Result}\n请为这次服务打个分，也可以在等级后面写上意见。";
        var card = new Card(CardKinds.Rating, "请评价本次服务", body, [new CardFact("编号", ticket.Number)], buttons);
        return new OutboundMessage($"{body}\n回复示例：评价 {ticket.Number} 满意 谢谢你们", card, [.. buttons.Select(b => b.Text)]);
    }

    public static string Local(DateTimeOffset instant) => ServiceTime.ToLocal(instant).ToString("yyyy-MM-dd HH:mm");

    private static CardButton Button(string verb, ServiceRequest ticket) => new(verb, $"{verb} {ticket.Number}", Data($"{verb} {ticket.Number}", ticket));

    private static Dictionary<string, string> Data(string action, ServiceRequest ticket) => new() { [CardData.Action] = action, [CardData.Ticket] = ticket.Number };
}
