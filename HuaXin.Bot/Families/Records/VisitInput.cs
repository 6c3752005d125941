namespace HuaXin.Bot.Families.Records;

/// <summary>A 走访 as a form or a spreadsheet row gives it; one set of checks for both.</summary>
public sealed record VisitInput(string? VisitedAt, string? Mode, string? Visitors, string? MetMembers, string? Findings, string? FollowUp, string? Attachments)
{
    public VisitInput() : this(null, null, null, null, null, null, null)
    {
    }

    /// <summary>The visit to store, or null after noting what is wrong.</summary>
    public ServiceVisit? Read(InputProblems problems, long workerId, Recorder by)
    {
        var before = problems.All.Count;
        var at = problems.Time("走访时间", VisitedAt, by.At);
        var mode = problems.OneOf("方式", Mode, VisitModes.All, VisitModes.Home);
        var visitors = problems.Required("走访人", Visitors, 100);
        var met = problems.Optional("见到的家庭成员", MetMembers, 200);
        var findings = problems.Required("家庭近况", Findings, 2000);
        var followUp = problems.Optional("需求和处理意见", FollowUp, 2000);
        var attachments = problems.Optional("附件", Attachments, 500);
        return problems.All.Count > before ? null : new ServiceVisit
        {
            WorkerId = workerId, VisitedAt = at!.Value, Mode = mode!, Visitors = visitors!, MetMembers = met, Findings = findings!, FollowUp = followUp,
            Attachments = attachments, Department = by.Department, RecordedBy = by.Actor, RecordedByName = by.Name, RecordedAt = by.At,
        };
    }
}
