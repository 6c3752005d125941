using System.Net;
using HuaXin.Bot.BotFramework.Authentication;
using HuaXin.Bot.BotFramework.Connector;
using HuaXin.Bot.Core;
using HuaXin.Bot.Messaging;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace HuaXin.Bot.BotFramework;

public static class BotFrameworkExtensions
{
    /// <summary>The Bot Framework channel: token validation, the Connector client with its resilience pipeline, and the
    /// senders for Teams and the other Bot Connector channels.</summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(BotSigningKeys.HttpClientName).AddStandardResilienceHandler();
        services.AddHttpClient(ConnectorTokenProvider.HttpClientName).AddStandardResilienceHandler();
        services.AddSingleton<BotSigningKeys>();
        services.AddSingleton<DevelopmentAuthentication>();
        services.AddSingleton<BotAuthenticator>();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<ConnectorTokenProvider>();
        services.AddScoped<MessagesEndpoint>();
        services.AddHttpClient<ConnectorClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("bot-connector", (pipeline, context) =>
                AddConnectorResilience(pipeline, context.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value));
        services.AddSingleton<IChannelSender>(sp => new BotConnectorSender(ChannelNames.Teams, sp, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChannelSender>(sp => new BotConnectorSender(ChannelNames.BotFramework, sp, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPersonalAddress>(new BotPersonalAddress(ChannelNames.Teams));
        services.AddSingleton<IPersonalAddress>(new BotPersonalAddress(ChannelNames.BotFramework));
        return services;
    }

    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value.Enabled)
        {
            return app;
        }
        app.MapPost("/api/messages", (HttpContext context, MessagesEndpoint endpoint) => endpoint.HandleAsync(context))
            .WithName("BotFrameworkMessages")
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Outer to inner: total timeout, retry (jittered exponential, Retry-After honoured; the statuses the Bot
    /// Framework and Teams' rate limits call for), circuit breaker (stop hammering a Connector that is down), per-attempt timeout.</summary>
    private static void AddConnectorResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, BotOptions options)
    {
        var attempts = options.ConnectorMaxRetries + 1;
        pipeline.AddTimeout(options.ConnectorAttemptTimeout * attempts + TimeSpan.FromSeconds(60));
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(options.ConnectorMaxRetries, 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.ConnectorRetryBaseDelay,
            MaxDelay = TimeSpan.FromSeconds(60),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(
                options.ConnectorMaxRetries > 0
                && (HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    || args.Outcome.Result?.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestTimeout)),
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 20,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(15),
        });
        pipeline.AddTimeout(options.ConnectorAttemptTimeout);
    }
}
