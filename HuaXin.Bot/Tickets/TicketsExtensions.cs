using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.Tickets;

public static class TicketsExtensions
{
    /// <summary>Ticket storage, lifecycle, staff directory, department routing and the SLA monitor.</summary>
    public static IServiceCollection AddTickets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.Section));
        services.AddOptions<DepartmentOptions>().Bind(configuration.GetSection(DepartmentOptions.Section))
            .Validate(o => o.Destinations.Keys.All(Departments.IsKnown), $"Departments:Destinations names an unknown department; known: {string.Join(", ", Departments.All)}.")
            .ValidateOnStart();
        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<DepartmentDestinations>();
        services.AddSingleton<TicketOutbox>();
        services.AddSingleton<TicketService>();
        services.AddSingleton<IServiceRequestStore, ServiceRequestStore>();
        services.AddBotMetrics();
        services.AddSingleton<SlaMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<SlaMonitor>());
        return services;
    }
}
