using HuaXin.Bot.AI.Grounding;
using HuaXin.Bot.AI.Retrieval;
using HuaXin.Bot.AI.Understanding;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Knowledge.Search;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;

namespace HuaXin.Bot.AI;

public static class AIServiceCollectionExtensions
{
    /// <summary>Whether AI:Provider names a model; the turn pipeline adds <see cref="AITurnScope"/> only then.</summary>
    public static bool IsAIEnabled(this IConfiguration configuration) =>
        (configuration.GetSection(AIOptions.Section).Get<AIOptions>() ?? new AIOptions()).Enabled;

    /// <summary>With AI:Provider set, decorates knowledge search (query rewriting, and hybrid retrieval when AI:EmbeddingModel
    /// is set), the knowledge service and request understanding with the model; call after those are registered. With Provider=None (the default) nothing is registered but the options.</summary>
    public static IServiceCollection AddHuaXinAI(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AIOptions>().Bind(configuration.GetSection(AIOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AIOptions>, AIOptionsValidator>();
        var options = configuration.GetSection(AIOptions.Section).Get<AIOptions>() ?? new AIOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddHttpClient(AIResilience.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("ai", (pipeline, context) =>
                AIResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<AIOptions>>().Value));
        services.AddSingleton(sp => OpenAIClients.Create(sp.GetRequiredService<IOptions<AIOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(AIResilience.HttpClientName)));
        services.AddSingleton<IChatCompletionService>(sp => OpenAIClients.Chat(
            sp.GetRequiredService<IOptions<AIOptions>>().Value, sp.GetRequiredService<OpenAI.OpenAIClient>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<AIMetrics>();
        services.AddSingleton<ModelCalls>();

        services.AddSingleton<QueryRewriter>();
        if (!string.IsNullOrWhiteSpace(options.EmbeddingModel))
        {
            services.AddSingleton(sp => OpenAIClients.Embeddings(sp.GetRequiredService<IOptions<AIOptions>>().Value, sp.GetRequiredService<OpenAI.OpenAIClient>()));
            services.AddSingleton<EmbeddingIndex>();
            services.AddSingleton<IKnowledgeIndexObserver>(sp => sp.GetRequiredService<EmbeddingIndex>());
        }
        services.Decorate<IKnowledgeSearch>((sp, inner) => new HybridKnowledgeSearch(inner, sp.GetRequiredService<IOptions<AIOptions>>(),
            sp.GetRequiredService<QueryRewriter>(), sp.GetService<EmbeddingIndex>()));
        services.Decorate<IKnowledgeService>((sp, inner) => ActivatorUtilities.CreateInstance<GroundedKnowledgeService>(sp, inner));
        services.Decorate<IRequestUnderstanding>((sp, inner) =>
            new LlmRequestUnderstanding(inner, sp.GetRequiredService<ModelCalls>(), sp.GetRequiredService<Taxonomy>()));
        return services;
    }
}
