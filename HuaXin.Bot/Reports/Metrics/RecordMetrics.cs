namespace HuaXin.Bot.Reports.Metrics;

/// <summary>One unit's service records in a period besides tickets, with the rates the assessment may score; see
/// <see cref="RecordMetricsCalculator"/> for what each counts.</summary>
public sealed record RecordMetrics(
    string Unit,
    int Families,
    int Visits,
    int HomeVisits,
    Rate VisitedAsRequired,
    int Condolences,
    decimal CondolenceAmount,
    Rate Condoled,
    int AidCases,
    int AidPayments,
    decimal AidPaid,
    Rate AidDecidedInTime,
    int VolunteerServices,
    decimal VolunteerHours);
