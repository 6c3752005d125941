using System.Runtime;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HuaXin.Bot.AI;
using HuaXin.Bot.Api;
using HuaXin.Bot.BotFramework;
using HuaXin.Bot.BotFramework.DirectLine;
using HuaXin.Bot.Conversations;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Conversation;
using HuaXin.Bot.DingTalk;
using HuaXin.Bot.Families;
using HuaXin.Bot.Knowledge;
using HuaXin.Bot.Knowledge.Search;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.Observability;
using HuaXin.Bot.Reports;
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
        // The turn pipeline every channel calls, outermost first.
        services.AddSingleton<ITurnHandler>(new TurnPipeline()
            .Add<MeteredTurnHandler>()
            .Add<AITurnScope>(when: configuration.IsAIEnabled())
            .Add<FamilyCommandHandler>()
            .Add<TicketCommandHandler>()
            .Add<ConversationRunner>()
            .Build);
        // Optional model around knowledge search and understanding; after them because it decorates them.
        services.AddHuaXinAI(configuration);
        // Health checks, /metrics; rate limits and log redaction.
        services.AddObservability(configuration);
        services.AddHuaXinSecurity(configuration);
        services.AddDirectLine(configuration);
        services.AddStaffConsole(configuration);
        services.AddReports(configuration);
        // Chinese in API answers as UTF-8, not \uXXXX; HTML-sensitive characters stay escaped.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddOpenApi();
        return builder;
    }

    public static async Task InitializeHuaXinAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await services.InitializeDatabaseAsync(cancellationToken);
        await services.InitializeKnowledgeAsync(cancellationToken);
    }

    /// <summary>For the web host: like <see cref="InitializeHuaXinAsync"/>, but when the database already holds the
    /// knowledge (every start but the first) the service answers from it at once and compares the folder with it in the
    /// background once it listens; the content hashes make that a no-op when nothing changed, and a changed file is
    /// indexed within moments, as when the watcher sees it.</summary>
    public static async Task StartHuaXinAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        StartupPhases.Log(services, "host built");
        // jieba's dictionaries on another core while the database is checked, so the first question does not wait.
        _ = Task.Run(ChineseWords.Warm, cancellationToken);
        await services.InitializeDatabaseAsync(cancellationToken);
        StartupPhases.Log(services, "database checked");
        var index = services.GetRequiredService<KnowledgeIndexStore>();
        await index.RefreshAsync(cancellationToken);
        StartupPhases.Log(services, "index restored");
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        if (index.Current.DocumentCount == 0)
        {
            await services.InitializeKnowledgeAsync(cancellationToken);
            StartupPhases.Log(services, "knowledge ingested");
            lifetime.ApplicationStarted.Register(() => _ = Task.Run(ReleaseStartupGarbage, lifetime.ApplicationStopping));
            return;
        }
        // Once the host listens, so that on a 2-core machine this work does not compete with the start for the CPU.
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HostingExtensions));
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                await services.InitializeKnowledgeAsync(lifetime.ApplicationStopping);
                StartupPhases.Log(services, "knowledge folder compared");
                ReleaseStartupGarbage();
            }
            catch (Exception e) when (!lifetime.ApplicationStopping.IsCancellationRequested)
            {
                logger.LogError(e, "Knowledge check at startup failed; answering from the stored index");
            }
        }, lifetime.ApplicationStopping));
    }

    /// <summary>The start reads documents and index arrays whole and leaves some 25 MB of large-object garbage behind;
    /// the collector would keep that committed for the life of the process. One compacting collection, once, after the
    /// start has settled and off the request path, returns it (measured: idle RSS 225–246 → 188–205 MB, req/s unchanged;
    /// the peak under load is what load adds and moved only within the noise).</summary>
    private static void ReleaseStartupGarbage()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
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
