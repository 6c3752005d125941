using HuaXin.Bot.Families.Tracking;

namespace HuaXin.Bot.Reports.Tracking;

/// <summary>全覆盖 of one unit in a period: which families were reached, which were not visited, whose visit falls due,
/// which aid cases are open and which tickets had no follow-up.</summary>
public sealed record UnitCoverage(
    string Unit,
    ReportPeriod Period,
    int Families,
    int Contacted,
    int HomeVisited,
    IReadOnlyList<FamilyVisit> NotVisited,
    IReadOnlyList<FamilyVisit> VisitsDue,
    IReadOnlyList<OpenAidCase> OpenAidCases,
    IReadOnlyList<UnfollowedTicket> NoFollowUp);

/// <param name="Liaison">The 联络员's name, or null when the family has none.</param>
public sealed record FamilyVisit(string StaffId, string Family, string? Liaison, bool Priority, DateTimeOffset? LastHomeVisit, DateTimeOffset Due, VisitState State);

public sealed record OpenAidCase(string Number, string StaffId, string Family, string Kind, string Status, DateTimeOffset Due, bool Overdue, decimal Paid);

/// <param name="Why">未受理、无人跟进 or 办结后未回访.</param>
public sealed record UnfollowedTicket(string Number, string StaffId, string Family, string Category, string Department, string Status, DateTimeOffset CreatedAt, string Why);
