namespace HuaXin.Bot.Reports.Metrics;

/// <summary>The service metrics of one group (a department, a unit, or everything) for a period; see MetricsCalculator for
/// what each one counts.</summary>
public sealed record ServiceMetrics(
    string Group,
    int Requests,
    IReadOnlyList<CategoryCount> ByCategory,
    Rate AcceptedInTime,
    Rate ResolvedInTime,
    Duration TimeToAccept,
    Duration TimeToResolve,
    Rate Satisfied,
    Rate FollowedUp,
    Rate Repeated,
    Rate SelfServed);

public sealed record CategoryCount(string Category, int Count);

/// <summary>Mean and median in hours over <see cref="Count"/> requests; null when there were none.</summary>
public sealed record Duration(int Count, double? MeanHours, double? MedianHours)
{
    public static Duration Of(IEnumerable<TimeSpan> spans)
    {
        var hours = spans.Select(s => s.TotalHours).Order().ToList();
        if (hours.Count == 0)
        {
            return new Duration(0, null, null);
        }
        var middle = hours.Count / 2;
        var median = hours.Count % 2 == 1 ? hours[middle] : (hours[middle - 1] + hours[middle]) / 2;
        return new Duration(hours.Count, Math.Round(hours.Average(), 2), Math.Round(median, 2));
    }
}

/// <summary>Families with at least one service contact in the period out of the families registered by its end.</summary>
public sealed record Coverage(string Unit, int Registered, int Contacted)
{
    public Rate Rate => new(Contacted, Registered);
}

public sealed record QuestionCount(string Question, int Count);
