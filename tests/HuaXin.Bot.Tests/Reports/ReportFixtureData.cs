using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Families;
using HuaXin.Bot.People;
using HuaXin.Bot.Reports;

namespace HuaXin.Bot.Tests.Reports;

/// <summary>Fixed data for Q1 2026, small enough to compute every metric by hand (see the tests' comments).</summary>
/// <remarks>
/// Units and families: 一车间 W1–W4 (W2 also reached through a web-chat FamilyLink), 二车间 W5–W6, 三车间 W7.
/// Times are China time, stored as UTC like every instant the service writes; D = Mon 2026-02-02 09:00. Every ticket has FirstContactDue = created + 4 h and ResolveDue = created + 3 d.
///
/// | #   | family        | category       | dept      | created  | accepted | resolved | rating (at)          | notes                  |
/// |-----|---------------|----------------|-----------|----------|----------|----------|----------------------|------------------------|
/// | T1  | W1 dingtalk   | medical        | 集团工会   | D        | +2 h     | +1 d     | 满意 (D+2d)          |                        |
/// | T2  | W1 dingtalk   | medical        | 集团工会   | D+10d    | +5 h ✗   | +4 d ✗   | 不满意 (D+15d) 督办    | repeat of T1; 等了太久   |
/// | T3  | W2 webchat    | family_care    | 车间工会   | D+1d     | +1 h     | +1 d     | —                    | no follow-up           |
/// | T4  | W3 ding-a003  | home_repair    | 后勤管理中心 | D+3d     | +3 h     | +2 d     | 非常满意 (D+13d)      | rated 8 d after 办结     |
/// | T5  | W1 dingtalk   | legal_aid      | 办公室     | 03-30 10:00 | —     | —        | —                    | still 待受理, overdue   |
/// | T6  | W4 dingtalk   | volunteer      | 团委       | D+4d     | —        | —        | —                    | 撤回 before acceptance  |
/// | T7  | W5 msteams    | medical        | 集团工会   | D+2d     | +1 h     | +1 d     | 基本满意 (D+4d)       |                        |
/// | T8  | W5 msteams    | hardship_aid   | 集团工会   | D+20d    | +2 h     | +2 d     | 非常满意 (D+23d)      |                        |
/// | T9  | W7 dingtalk   | child_education| 集团工会   | D+5d     | +1 h     | +1 d     | 满意 (D+6d+1h)        |                        |
/// | T10 | stranger      | medical        | 集团工会   | D+6d     | +6 h ✗   | +1 d     | —                    | not a registered family |
/// | T11 | W1 dingtalk   | medical        | 集团工会   | 2025-12-25 | +1 h   | +1 d     | 满意                  | before Q1: 39 d before T1 |
///
/// Knowledge feedback in Q1: W1 有用 on hardship, W1 没用 on hardship, W2 (web chat) abstention, W5 有用 on education.
/// Unanswered in Q1: "医保异地报销怎么办" twice, "宿舍能养猫吗" once; one more in March 2025 (outside).
/// </remarks>
internal static class ReportFixtureData
{
    public static readonly ReportPeriod Q1 = ReportPeriod.Quarter(2026, 1);
    public static readonly DateTimeOffset D = China(2026, 2, 2, 9);

    public static async Task SeedAsync(ReportsHost host)
    {
        var registered = China(2025, 12, 1, 0);
        var workers = new[]
        {
            Worker("A001", "张一", "一车间", registered), Worker("A002", "张二", "一车间", registered),
            Worker("A003", "张三", "一车间", registered, dingTalkId: "ding-a003"), Worker("A004", "张四", "一车间", registered),
            Worker("B001", "李一", "二车间", registered, teamsId: "teams-b001"), Worker("B002", "李二", "二车间", registered),
            Worker("C001", "王一", "三车间", registered),
        };
        await host.ExecuteAsync(async db =>
        {
            db.AddRange(workers);
            await db.SaveChangesAsync();
            db.Add(new FamilyLink { Channel = "webchat", UserId = "fam-w2", WorkerId = workers[1].Id, LinkedAt = registered });

            db.ServiceRequests.AddRange(
                Ticket("HX-20260202-0001", "medical", "集团工会", "dingtalk", "A001", D, accepted: 2, resolved: 24, rating: ("满意", null, 48)),
                Ticket("HX-20260212-0001", "medical", "集团工会", "dingtalk", "A001", D.AddDays(10), accepted: 5, resolved: 96, rating: ("不满意", "等了太久", 120), supervised: true),
                Ticket("HX-20260203-0001", "family_care", "车间工会", "webchat", "fam-w2", D.AddDays(1), accepted: 1, resolved: 24),
                Ticket("HX-20260205-0001", "home_repair", "后勤管理中心", "dingtalk", "ding-a003", D.AddDays(3), accepted: 3, resolved: 48, rating: ("非常满意", "师傅很专业", 240)),
                Ticket("HX-20260330-0001", "legal_aid", "办公室", "dingtalk", "A001", China(2026, 3, 30, 10)),
                Ticket("HX-20260206-0001", "volunteer", "团委", "dingtalk", "A004", D.AddDays(4), withdrawnAfter: 2),
                Ticket("HX-20260204-0001", "medical", "集团工会", "msteams", "teams-b001", D.AddDays(2), accepted: 1, resolved: 24, rating: ("基本满意", null, 48)),
                Ticket("HX-20260222-0001", "hardship_aid", "集团工会", "msteams", "teams-b001", D.AddDays(20), accepted: 2, resolved: 48, rating: ("非常满意", null, 72)),
                Ticket("HX-20260207-0001", "child_education", "集团工会", "dingtalk", "C001", D.AddDays(5), accepted: 1, resolved: 24, rating: ("满意", null, 25)),
                Ticket("HX-20260208-0001", "medical", "集团工会", "webchat", "stranger", D.AddDays(6), accepted: 6, resolved: 24),
                Ticket("HX-20251225-0001", "medical", "集团工会", "dingtalk", "A001", China(2025, 12, 25, 9), accepted: 1, resolved: 24, rating: ("满意", null, 30)));

            db.KnowledgeDocuments.AddRange(
                new KnowledgeDocument { Id = "hardship", Title = "困难职工帮扶救助管理办法", SourcePath = "x/hardship.md", ContentHash = "x" },
                new KnowledgeDocument { Id = "education", Title = "职工子女助学办法", SourcePath = "x/education.md", ContentHash = "x" });
            db.AnswerFeedback.AddRange(
                Feedback("dingtalk", "A001", "困难帮扶标准是多少", true, "hardship", D),
                Feedback("dingtalk", "A001", "困难帮扶怎么申请", false, "hardship", D.AddDays(1)),
                Feedback("webchat", "fam-w2", "宿舍能养猫吗", false, "", D.AddDays(2)),
                Feedback("msteams", "teams-b001", "孩子考上大学有助学金吗", true, "education", D.AddDays(3)));
            db.UnansweredQuestions.AddRange(
                new UnansweredQuestion { Channel = "fam-w2", Question = "宿舍能养猫吗", At = D.AddDays(2) },
                new UnansweredQuestion { Channel = "A001", Question = "医保异地报销怎么办", At = D.AddDays(3) },
                new UnansweredQuestion { Channel = "B001", Question = " 医保异地报销怎么办 ", At = D.AddDays(4) },
                new UnansweredQuestion { Channel = "A001", Question = "宿舍能养猫吗", At = D.AddYears(-1) });
        });
    }

    private static DateTimeOffset China(int year, int month, int day, int hour) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, ReportPeriod.ChinaOffset).ToUniversalTime();

    private static Worker Worker(string staffId, string name, string unit, DateTimeOffset registered, string? dingTalkId = null, string? teamsId = null) =>
        new() { StaffId = staffId, Name = name, Unit = unit, RegisteredAt = registered, Phone = "13805310000",
            ChannelIdentities = [.. new[] { (ChannelNames.DingTalk, dingTalkId), (ChannelNames.Teams, teamsId) }
                .Where(i => i.Item2 is not null).Select(i => new WorkerChannelIdentity(i.Item1, i.Item2!))] };

    private static AnswerFeedbackRow Feedback(string channel, string userId, string question, bool helpful, string cited, DateTimeOffset at) =>
        new() { Channel = channel, UserId = userId, Question = question, Helpful = helpful, CitedDocIds = cited, At = at };

    /// <param name="accepted">Hours after creation, or null.</param>
    /// <param name="resolved">Hours after creation of the (first) 办结, or null.</param>
    /// <param name="rating">Rating, comment, and hours after creation it was given.</param>
    private static ServiceRequest Ticket(string number, string category, string department, string channel, string userId, DateTimeOffset created,
        int? accepted = null, int? resolved = null, (string Rating, string? Comment, int Hours)? rating = null, bool supervised = false, int? withdrawnAfter = null)
    {
        var history = new List<ServiceRequestHistory> { History("提交", "待受理", created) };
        var status = "待受理";
        DateTimeOffset? acceptedAt = accepted is { } a ? created.AddHours(a) : null;
        DateTimeOffset? resolvedAt = resolved is { } r ? created.AddHours(r) : null;
        if (acceptedAt is { } at1)
        {
            history.Add(History("受理", status = "已受理", at1));
        }
        if (resolvedAt is { } at2)
        {
            history.Add(History("办结", status = "已办结", at2));
        }
        if (rating is { } given)
        {
            history.Add(History("评价", status = "已评价", created.AddHours(given.Hours), given.Comment is null ? given.Rating : $"{given.Rating}：{given.Comment}"));
            if (supervised)
            {
                history.Add(History("督办", status = "处理中", created.AddHours(given.Hours)));
            }
        }
        if (withdrawnAfter is { } w)
        {
            history.Add(History("撤回", status = "已撤回", created.AddHours(w)));
        }
        return new ServiceRequest
        {
            Number = number, Category = category, Department = department, Channel = channel, UserId = userId, UserName = "家属",
            SlotsJson = "{}", OriginalText = $"{category} 诉求 {number}", Status = status, CreatedAt = created, UpdatedAt = history[^1].At,
            FirstContactDue = created.AddHours(4), ResolveDue = created.AddDays(3), AcceptedAt = acceptedAt, ResolvedAt = resolvedAt,
            Rating = rating?.Rating, RatingComment = rating?.Comment, Supervised = supervised, History = history,
        };
    }

    private static ServiceRequestHistory History(string action, string to, DateTimeOffset at, string? note = null) =>
        new() { Action = action, ToStatus = to, Actor = "test", At = at, Note = note };
}
