using Microsoft.Extensions.DependencyInjection.Extensions;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.BotFramework.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>Direct Line 3.0 for the family web page: tokens, conversations stored in the database, WebSocket
    /// streaming and the "directline" outbox channel. Needs an <c>ITurnHandler</c> and the database.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineSigningKeyProvider>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineAuthorizer>();
        services.AddSingleton<FamilyDevices>();
        services.AddSingleton<DirectLineNotifier>();
        services.AddSingleton<DirectLineStore>();
        services.AddSingleton<DirectLineStream>();
        services.AddSingleton<DirectLineBotMessages>();
        services.AddSingleton<DirectLineConversations>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, DirectLineChannelSender>());
        services.AddCors(cors => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
            // Any page holding a token may talk to its conversation, as with Microsoft's hosted Direct Line.
            .AllowAnyOrigin()
            .WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent")));
        return services;
    }
}
