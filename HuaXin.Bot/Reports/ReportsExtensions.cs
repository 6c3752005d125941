using HuaXin.Bot.Knowledge.Answering;
using HuaXin.Bot.Reports.Archive;
using HuaXin.Bot.Reports.Assessment;
using HuaXin.Bot.Reports.Tracking;
using HuaXin.Bot.Reports.Dashboard;
using HuaXin.Bot.Reports.HotIssues;
using HuaXin.Bot.Reports.KnowledgeUpkeep;
using HuaXin.Bot.Reports.Metrics;
using HuaXin.Bot.Reports.Records;
using HuaXin.Bot.Reports.Roster;

namespace HuaXin.Bot.Reports;

public static class ReportsExtensions
{
    /// <summary>Roster import, service archive, metrics, assessment, hot-issue reports, exports and knowledge upkeep.
    /// Needs the database, the taxonomy (AddConversations) and the knowledge engine (AddHuaXinKnowledge).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportsOptions>().Bind(configuration.GetSection(ReportsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AssessmentOptions>().Bind(configuration.GetSection(AssessmentOptions.Section))
            .PostConfigure(o =>
            {
                // Defaults here, not in the initializers: the binder appends configured list entries to initialized lists.
                if (o.Items.Count == 0) o.Items = AssessmentDefaults.Items();
                if (o.Grades.Count == 0) o.Grades = AssessmentDefaults.Grades();
            })
            .ValidateDataAnnotations()
            .Validate(o => o.Items.Select(i => i.Metric).Distinct().Count() == o.Items.Count, "Assessment:Items lists a metric twice.")
            .Validate(o => o.Grades.Any(g => g.MinScore == 0), "Assessment:Grades needs a grade with MinScore 0, so every score has a grade.")
            .Validate(o => o.Grades.Select(g => g.MinScore).Distinct().Count() == o.Grades.Count, "Assessment:Grades has two grades with the same MinScore.")
            .ValidateOnStart();

        services.AddSingleton<ReportDataLoader>();
        services.AddSingleton<MetricsCalculator>();
        services.AddSingleton<RecordMetricsCalculator>();
        services.AddSingleton<AssessmentCalculator>();
        services.AddSingleton<HotIssueReportBuilder>();
        services.AddSingleton<UnitCoverageBuilder>();
        services.AddSingleton<ReportsService>();
        services.AddSingleton<ServiceArchive>();
        services.AddSingleton<RosterImporter>();
        services.AddSingleton<RecordImporter>();
        services.AddSingleton<CuratedAnswerStore>();
        services.AddSingleton<ICuratedAnswers>(sp => sp.GetRequiredService<CuratedAnswerStore>());
        services.AddSingleton<KnowledgeDocumentManager>();
        services.AddSingleton<KnowledgeFeedbackLog>();
        return services;
    }
}
