using HuaXin.Bot.Families.Records;
using HuaXin.Bot.Families.Tracking;

namespace HuaXin.Bot.Reports.Archive;

/// <summary>A family's service archive (一户一档): the worker, the family members, every request and every contact on it,
/// and the service records (走访, 慰问, 帮扶救助, “星火365”), merged into one timeline for 动态追踪.</summary>
public sealed record FamilyArchive(
    string StaffId, string WorkerName, string Unit, string? Phone, string? Hometown, DateTimeOffset RegisteredAt,
    IReadOnlyList<ArchiveMember> Members,
    IReadOnlyList<ArchiveRequest> Requests)
{
    /// <summary>The family's 联络员 (name and 工号), if one is set.</summary>
    public (string Name, string StaffId)? Liaison { get; init; }

    public bool Priority { get; init; }

    /// <summary>When the next home visit falls due under the visiting rule.</summary>
    public VisitDue? NextVisit { get; init; }

    public IReadOnlyList<ServiceVisit> Visits { get; init; } = [];

    public IReadOnlyList<Condolence> Condolences { get; init; } = [];

    public IReadOnlyList<AidCase> AidCases { get; init; } = [];

    /// <summary>Volunteer services with the volunteer's name.</summary>
    public IReadOnlyList<(VolunteerAssignment Service, string Volunteer)> Volunteering { get; init; } = [];

    /// <summary>Every department that has served the family (tickets led or co-handled, records, aid cases).</summary>
    public IReadOnlyCollection<string> ServedBy { get; init; } = [];

    /// <summary>The latest contact of any kind, for 动态追踪 (an archive untouched for a quarter counts as not kept, 考核办法 第五条).</summary>
    public DateTimeOffset? LastContactAt => Requests.SelectMany(r => r.Contacts).Select(c => c.At)
        .Concat(AidCases.SelectMany(a => a.Steps).Select(s => s.At))
        .Concat(Timeline.Select(e => e.At))
        .Select(at => (DateTimeOffset?)at).Max();

    /// <summary>Everything done for the family, newest first.</summary>
    public IReadOnlyList<TimelineEntry> Timeline => Archive.Timeline.Of(this);
}

public sealed record ArchiveMember(string Name, string Relation, string? Phone, string? Address);

/// <param name="Requester">Who asked, by name.</param>
/// <param name="RequesterRelation">Their relation to the worker, when known.</param>
public sealed record ArchiveRequest(
    string Number, string Category, string Department, string Status, string Requester,
    DateTimeOffset CreatedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ResolvedAt,
    string? Result, string? Rating, string? RatingComment, bool Supervised,
    IReadOnlyList<ArchiveContact> Contacts)
{
    public string? RequesterRelation { get; init; }

    public IReadOnlyList<string> CoHandlers { get; init; } = [];

    public string? OriginalText { get; init; }
}

/// <param name="Actor">Who, by name (with the department for staff).</param>
/// <param name="Internal">A staff-only note (内部备注).</param>
public sealed record ArchiveContact(DateTimeOffset At, string Action, string Status, string Actor, string? Note, bool Internal = false);
