using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Families;
using HuaXin.Bot.People;
using HuaXin.Bot.Tickets;
using static HuaXin.Bot.Tickets.RequestStatus;

namespace HuaXin.Bot.Tests.Tickets;

/// <summary>The ticket's rules as a table, without a database: a ticket of 集团工会 (lead) co-handled by 车间工会, in a
/// given state; an actor takes a step; the step is refused (and nothing changes), or the ticket moves to a state,
/// writes history entries and sends notices (申请人 = the requester, else a department).</summary>
public sealed class TicketTransitionTests
{
    private const string Lead = "集团工会";
    private const string CoHandler = "车间工会";
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    // state,    actor,       step,                         → state,    history,      notices
    [InlineData(Pending, "lead", TicketStep.Accept, Accepted, "受理", "申请人")]
    [InlineData(Pending, "admin", TicketStep.Accept, Accepted, "受理", "申请人")]
    [InlineData(Accepted, "lead", TicketStep.Comment, InProgress, "备注", "申请人")]
    [InlineData(InProgress, "co", TicketStep.Comment, InProgress, "备注", "申请人、集团工会")]
    [InlineData(Pending, "lead", TicketStep.NoteInternally, Pending, "内部备注", "车间工会")]
    [InlineData(Resolved, "co", TicketStep.NoteInternally, Resolved, "内部备注", "集团工会")]
    [InlineData(InProgress, "lead", TicketStep.ChangeCoHandlers, InProgress, "协办", "办公室、申请人")]
    [InlineData(NeedsInfo, "admin", TicketStep.ChangeCoHandlers, NeedsInfo, "协办", "办公室、申请人")]
    [InlineData(Accepted, "lead", TicketStep.Transfer, Pending, "转派", "后勤管理中心、申请人")]
    [InlineData(InProgress, "lead", TicketStep.Return, NeedsInfo, "退回", "申请人")]
    [InlineData(Pending, "lead", TicketStep.Resolve, Resolved, "办结", "申请人、车间工会")]
    [InlineData(InProgress, "admin", TicketStep.Resolve, Resolved, "办结", "申请人、车间工会")]
    [InlineData(Resolved, "lead", TicketStep.LinkRequester, Resolved, "关联家庭", "")]
    [InlineData(NeedsInfo, "requester", TicketStep.Supplement, InProgress, "补充", "集团工会、车间工会")]
    [InlineData(InProgress, "requester", TicketStep.Supplement, InProgress, "补充", "集团工会、车间工会")]
    [InlineData(NeedsInfo, "requester", TicketStep.Withdraw, Withdrawn, "撤回", "集团工会、车间工会")]
    [InlineData(Resolved, "requester", TicketStep.Rate, Rated, "评价", "集团工会")]
    [InlineData(Resolved, "requester", TicketStep.Rate, InProgress, "评价、督办", "集团工会、党委工作部", "不满意")]
    public void An_allowed_step_moves_the_ticket_records_history_and_notifies(
        string state, string actor, TicketStep step, string to, string history, string notices, string? input = null)
    {
        var ticket = new Ticket(Data(state));
        var who = Actor(actor);
        Assert.True(ticket.Allows(step, who), ticket.Refusal(step, who));

        var outcome = Take(ticket, step, who, input);

        Assert.True(outcome.Ok, outcome.Message);
        Assert.Equal(to, ticket.Data.Status);
        Assert.Equal(history, string.Join("、", ticket.Recorded.Select(h => h.Action)));
        Assert.Equal(notices, string.Join("、", ticket.Notices.Select(n => n.Department ?? "申请人")));
        Assert.Equal(2, ticket.Data.Version);
        Assert.Equal("v2", ticket.ChangeKey);
        Assert.All(ticket.Recorded, h => Assert.Equal(who.Id, h.Actor));
        Assert.Equal(ticket.Recorded, ticket.Data.History);
    }

    [Theory]
    [InlineData(Pending, "co", TicketStep.Accept, "只有主办部门可以办理")]
    [InlineData(Pending, "other", TicketStep.Accept, "无权办理")]
    [InlineData(Pending, "stranger", TicketStep.Accept, "只有工作人员可以办理工单")]
    [InlineData(InProgress, "requester", TicketStep.Accept, "只有工作人员可以办理工单")]
    [InlineData(Accepted, "lead", TicketStep.Accept, "不能受理")]
    [InlineData(Withdrawn, "admin", TicketStep.Accept, "不能受理")]
    [InlineData(Pending, "lead", TicketStep.Comment, "不能备注")]
    [InlineData(InProgress, "other", TicketStep.Comment, "无权办理")]
    [InlineData(InProgress, "other", TicketStep.NoteInternally, "无权办理")]
    [InlineData(InProgress, "co", TicketStep.ChangeCoHandlers, "只有主办部门可以办理")]
    [InlineData(Resolved, "lead", TicketStep.ChangeCoHandlers, "不能调整协办")]
    [InlineData(NeedsInfo, "lead", TicketStep.Transfer, "不能转派")]
    [InlineData(InProgress, "co", TicketStep.Transfer, "只有主办部门可以办理")]
    [InlineData(Resolved, "lead", TicketStep.Return, "不能退回")]
    [InlineData(NeedsInfo, "lead", TicketStep.Resolve, "不能办结")]
    [InlineData(InProgress, "co", TicketStep.Resolve, "只有主办部门可以办理")]
    [InlineData(Pending, "co", TicketStep.LinkRequester, "只有主办部门可以办理")]
    [InlineData(InProgress, "lead", TicketStep.Supplement, "不是您提交的")]
    [InlineData(Resolved, "requester", TicketStep.Supplement, "不能补充")]
    [InlineData(Rated, "requester", TicketStep.Withdraw, "不能撤回")]
    [InlineData(InProgress, "stranger", TicketStep.Withdraw, "不是您提交的")]
    [InlineData(InProgress, "requester", TicketStep.Rate, "不能评价")]
    [InlineData(Resolved, "admin", TicketStep.Rate, "不是您提交的")]
    public void A_refused_step_says_why_and_changes_nothing(string state, string actor, TicketStep step, string refusal)
    {
        var ticket = new Ticket(Data(state));
        var who = Actor(actor);

        var outcome = Take(ticket, step, who);

        Assert.False(outcome.Ok);
        Assert.Contains(refusal, outcome.Message);
        Assert.Equal(outcome.Message, ticket.Refusal(step, who));
        Assert.Equal(state, ticket.Data.Status);
        Assert.Equal(1, ticket.Data.Version);
        Assert.Empty(ticket.Recorded);
        Assert.Empty(ticket.Notices);
    }

    [Theory]
    [InlineData(InProgress, "lead", "Comment NoteInternally Transfer Return Resolve ChangeCoHandlers LinkRequester")]
    [InlineData(Pending, "lead", "Accept NoteInternally Transfer Return Resolve ChangeCoHandlers LinkRequester")]
    [InlineData(InProgress, "co", "Comment NoteInternally")]
    [InlineData(Resolved, "co", "NoteInternally")]
    [InlineData(InProgress, "other", "")]
    [InlineData(NeedsInfo, "requester", "Supplement Withdraw")]
    [InlineData(Resolved, "requester", "Rate")]
    [InlineData(Rated, "requester", "")]
    public void The_steps_offered_to_an_actor_are_the_ones_the_rules_allow(string state, string actor, string steps) =>
        Assert.Equal(steps, string.Join(" ", new Ticket(Data(state)).StepsFor(Actor(actor))));

    [Theory]
    [InlineData(Pending, "受理 转派 办结")]
    [InlineData(Accepted, "备注 转派 办结")]
    [InlineData(InProgress, "备注 转派 办结")]
    [InlineData(NeedsInfo, "")]
    [InlineData(Resolved, "")]
    [InlineData(Rated, "")]
    [InlineData(Withdrawn, "")]
    public void A_card_offers_the_lead_department_the_steps_its_state_allows(string state, string buttons)
    {
        Assert.Equal(buttons, string.Join(" ", new Ticket(Data(state)).CardSteps.Select(s => s.Verb())));
        Assert.Equal(buttons, string.Join(" ", TicketCards.StaffCard(Data(state), "医疗", "新诉求").Card!.Buttons.Select(b => b.Title)));
    }

    [Theory]
    [InlineData(Pending, true, true)]
    [InlineData(Accepted, true, true)]
    [InlineData(InProgress, true, true)]
    [InlineData(NeedsInfo, true, false)]
    [InlineData(Resolved, false, false)]
    [InlineData(Rated, false, false)]
    [InlineData(Withdrawn, false, false)]
    public void Open_means_not_finished_and_with_staff_means_not_waiting_for_the_requester(string state, bool open, bool withStaff)
    {
        Assert.Equal(open, Ticket.IsOpen(state));
        Assert.Equal(withStaff, Ticket.IsWithStaff(state));
    }

    [Theory]
    // state, hours after creation (first contact due at 4 h, resolution at 7 days) → history, notices
    [InlineData(Pending, 2, "", "")]
    [InlineData(Pending, 3.1, "提醒", "集团工会、车间工会")]
    [InlineData(Pending, 4.5, "超时", "党委工作部、集团工会、车间工会")]
    [InlineData(Accepted, 4.5, "", "")]
    [InlineData(Accepted, 130, "提醒", "集团工会、车间工会")]
    [InlineData(InProgress, 24 * 7 + 1, "超时", "党委工作部、集团工会、车间工会")]
    [InlineData(NeedsInfo, 24 * 7 + 1, "", "")]
    [InlineData(Resolved, 24 * 7 + 1, "", "")]
    public void The_clock_reminds_then_escalates_while_the_ticket_is_with_staff(string state, double hours, string history, string notices)
    {
        var ticket = new Ticket(Data(state));

        ticket.CheckDeadlines(Created.AddHours(hours));

        Assert.Equal(history, string.Join("、", ticket.Recorded.Select(h => h.Action)));
        Assert.Equal(notices, string.Join("、", ticket.Notices.Select(n => n.Department ?? "申请人")));
        Assert.Equal(history == "超时", ticket.Data.Supervised);
        Assert.All(ticket.Recorded, h => Assert.Equal("system:sla", h.Actor));
        Assert.Equal(Created, ticket.Data.UpdatedAt);
    }

    [Fact]
    public void Each_reminder_and_escalation_happens_once()
    {
        var data = Data(Pending);

        var first = new Ticket(data);
        Assert.Equal(["受理"], first.CheckDeadlines(Created.AddHours(4.5)));
        var again = new Ticket(data);
        Assert.Empty(again.CheckDeadlines(Created.AddHours(5)));

        Assert.Empty(again.Recorded);
        Assert.Equal(2, data.Version);
    }

    [Fact]
    public void A_ticket_may_go_to_a_department_no_category_routes_to()
    {
        var ticket = new Ticket(Data(Accepted));

        var outcome = ticket.Transfer(Actor("lead"), "宣传部", "需要宣传报道", Created.AddHours(1));

        Assert.True(outcome.Ok, outcome.Message);
        Assert.Equal((Pending, "宣传部"), (ticket.Data.Status, ticket.Data.Department));
    }

    private static ServiceRequest Data(string status) => new()
    {
        Id = 7, Number = "HX-20261123-0001", Category = "medical", Department = Lead, Channel = "test", UserId = "u1",
        RequesterName = "张大姐", SlotsJson = "{}", OriginalText = "我妈住院了家里没人照顾", Status = status,
        CreatedAt = Created, UpdatedAt = Created, FirstContactDue = Created.AddHours(4), ResolveDue = Created.AddDays(7),
        Assignee = status == Pending ? null : "test:s-union", Version = 1,
        CoHandlers = [new TicketCoHandler { Department = CoHandler, AddedBy = "test:s-union" }],
    };

    private static TicketActor Actor(string who) => who switch
    {
        "lead" => Staff("s-union", "王工会", Lead),
        "co" => Staff("s-workshop", "孙车间", CoHandler),
        "other" => Staff("s-logistics", "李后勤", "后勤管理中心"),
        "admin" => Staff("s-admin", "赵书记", Departments.Supervisor, StaffRole.Admin),
        "requester" => new TicketActor("test", "u1", "张大姐", null) { IsRequester = true },
        _ => new TicketActor("test", "u9", "路人", null),
    };

    private static TicketActor Staff(string id, string name, string department, StaffRole role = StaffRole.Staff) =>
        new("test", id, null, new StaffMember { Channel = "test", UserId = id, Name = name, Department = department, Role = role });

    private static readonly RosterProposal Proposal = new(3, "HX1001", "张建国", "一车间", 5, "王秀英", "母亲");

    /// <summary>Takes the step with input that is acceptable as written; <paramref name="input"/> overrides the rating.</summary>
    private static TicketOutcome Take(Ticket ticket, TicketStep step, TicketActor actor, string? input = null)
    {
        var now = Created.AddHours(1);
        return step switch
        {
            TicketStep.Accept => ticket.Accept(actor, now),
            TicketStep.Comment => ticket.Comment(actor, "已电话联系家属", now),
            TicketStep.NoteInternally => ticket.NoteInternally(actor, "家属情绪激动", now),
            TicketStep.Transfer => ticket.Transfer(actor, "后勤管理中心", "属于维修类", now),
            TicketStep.Return => ticket.Return(actor, "请提供医院名称", now),
            TicketStep.Resolve => ticket.Resolve(actor, "已安排志愿者陪护三天", now),
            TicketStep.ChangeCoHandlers => ticket.AddCoHandler(actor, "办公室", now),
            TicketStep.LinkRequester => ticket.LinkRequester(actor, Proposal, Proposal.WorkerId, Proposal.MemberId, now),
            TicketStep.Supplement => ticket.Supplement(actor, "在省立医院东院", now),
            TicketStep.Withdraw => ticket.Withdraw(actor, now),
            TicketStep.Rate => ticket.Rate(actor, input ?? "满意", null, now),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
    }
}
