using HuaXin.Bot.Core;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.Families.Tracking;
using HuaXin.Bot.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HuaXin.Bot.Families;

public static class FamiliesExtensions
{
    /// <summary>Family binding codes, links and recovery on a new phone, service records (走访, 慰问, 帮扶救助, “星火365”),
    /// 联络员 and their reminders; the turn pipeline wraps <see cref="FamilyCommandHandler"/> around the rest.</summary>
    public static IServiceCollection AddFamilies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FamilyOptions>().Bind(configuration.GetSection(FamilyOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.ArchiveDepartments.All(Departments.IsKnown), $"Families:ArchiveDepartments names an unknown department; known: {string.Join(", ", Departments.All)}.")
            .ValidateOnStart();
        services.AddOptions<VisitRuleOptions>().Bind(configuration.GetSection(VisitRuleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<FailedAttempts>();
        services.AddSingleton<FamilyBinding>();
        services.AddSingleton<FamilyRecovery>();
        services.AddSingleton<FamilyAccess>();
        services.AddSingleton<ServiceRecords>();
        services.AddSingleton<AidCases>();
        services.AddSingleton<Volunteers>();
        services.AddSingleton<Liaisons>();
        services.AddSingleton<FamilyReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<FamilyReminders>());
        return services;
    }
}
