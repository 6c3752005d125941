using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HuaXin.Bot.Messaging;

public static class MessagingExtensions
{
    /// <summary>The durable inbound queue and the outbox, with their background workers. Channels add their
    /// <see cref="IChannelSender"/>s.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessagingOptions>().Bind(configuration.GetSection(MessagingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddBotMetrics();
        services.AddSingleton<WorkSignal<InboundWork>>();
        services.AddSingleton<WorkSignal<OutboxWork>>();
        services.AddSingleton<IInboundQueue, InboundQueue>();
        services.AddSingleton<IOutbox, Outbox>();
        services.AddSingleton<InboundProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundProcessor>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    /// <summary>The meter the queue workers and the SLA monitor record to; safe to call from every part that needs it.</summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        return services;
    }
}
