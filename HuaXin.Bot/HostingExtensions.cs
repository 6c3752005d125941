using HuaXin.Bot.Api;
using HuaXin.Bot.BotFramework;
using HuaXin.Bot.BotFramework.DirectLine;
using HuaXin.Bot.Conversations;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Conversation;
using HuaXin.Bot.DingTalk;
using HuaXin.Bot.Families;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.Observability;
using HuaXin.Bot.Security;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;

namespace HuaXin.Bot;

/// <summary>Composition of the service: one place that lists every part, used by the web host and the commands.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddHuaXinServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var contentRoot = builder.Environment.ContentRootPath;

        services.AddSingleton<TimeProvider>(new ServiceTimeProvider());
        services.AddHuaXinDatabase(configuration, contentRoot);
        services.AddHuaXinKnowledge(configuration, contentRoot);
        services.AddMessaging(configuration);
        services.AddBotFramework(configuration);
        services.AddDingTalk(configuration);
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section));
        services.AddConversations(configuration, contentRoot);
        services.AddTickets(configuration);
        services.AddFamilies(configuration);
        // The turn pipeline every channel calls: family binding, then ticket commands, then the conversation.
        services.AddSingleton<ITurnHandler>(sp => ActivatorUtilities.CreateInstance<FamilyCommandHandler>(sp,
            ActivatorUtilities.CreateInstance<TicketCommandHandler>(sp, sp.GetRequiredService<ConversationRunner>())));
        // Optional model around knowledge, understanding and the turn; after them because it decorates them.
        services.AddHuaXinAI(configuration);
        // Outermost turn layer (metrics), health checks, /metrics; rate limits and log redaction.
        services.AddObservability(configuration);
        services.AddHuaXinSecurity(configuration);
        services.AddDirectLine(configuration);
        services.AddStaffConsole(configuration);
        services.AddReports(configuration);
        services.AddProblemDetails();
        services.AddOpenApi();
        return builder;
    }

    public static async Task InitializeHuaXinAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await services.InitializeDatabaseAsync(cancellationToken);
        await services.InitializeKnowledgeAsync(cancellationToken);
    }

    public static WebApplication MapHuaXinEndpoints(this WebApplication app)
    {
        app.UseHuaXinSecurity();
        app.MapObservability();
        app.UseFamilyWebPage();
        app.MapOpenApi();
        app.MapBotFramework();
        app.MapAsk();
        app.MapChat();
        app.MapDingTalk();
        app.MapDirectLine();
        app.MapStaffConsole();
        return app;
    }
}
