namespace HuaXin.Bot.Tickets;

/// <summary>A step a person may take on a ticket. The system's own steps (督办 after a poor rating, 时限提醒, 超时督办)
/// follow from these or from the clock and are nobody's to choose.</summary>
public enum TicketStep
{
    Accept,
    Comment,
    NoteInternally,
    Transfer,
    Return,
    Resolve,
    ChangeCoHandlers,
    LinkRequester,
    Supplement,
    Withdraw,
    Rate,
}

public static class TicketSteps
{
    /// <summary>The step as staff and requesters name it; for the card buttons it is also the command's verb.</summary>
    public static string Verb(this TicketStep step) => step switch
    {
        TicketStep.Accept => "受理",
        TicketStep.Comment => "备注",
        TicketStep.NoteInternally => "内部备注",
        TicketStep.Transfer => "转派",
        TicketStep.Return => "退回",
        TicketStep.Resolve => "办结",
        TicketStep.ChangeCoHandlers => "调整协办",
        TicketStep.LinkRequester => "关联家庭",
        TicketStep.Supplement => "补充",
        TicketStep.Withdraw => "撤回",
        TicketStep.Rate => "评价",
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>The requester's (and their family's) steps; all others are staff steps.</summary>
    public static bool IsRequesters(this TicketStep step) => step is TicketStep.Supplement or TicketStep.Withdraw or TicketStep.Rate;
}
