using HuaXin.Bot.Families.Records;

namespace HuaXin.Bot.Reports.Metrics;

/// <summary>The service records a period's reports read besides tickets.</summary>
/// <param name="Visits">Every 走访 before the period's end (the last home visit decides when the next falls due).</param>
/// <param name="Condolences">慰问 in the period.</param>
/// <param name="AidCases">Aid cases applied for before the period's end, with their steps and payments.</param>
/// <param name="Volunteering">Volunteer services assigned before the period's end.</param>
public sealed record ServiceRecordSet(
    IReadOnlyList<ServiceVisit> Visits,
    IReadOnlyList<Condolence> Condolences,
    IReadOnlyList<AidCase> AidCases,
    IReadOnlyList<VolunteerAssignment> Volunteering)
{
    public static readonly ServiceRecordSet Empty = new([], [], [], []);
}
