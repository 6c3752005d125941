using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Conversation;
using HuaXin.Bot.Dialogs.Safety;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Dialogs.Understanding;
using HuaXin.Bot.Knowledge;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.Conversations;

public static class ConversationsExtensions
{
    /// <summary>The conversation brain (HuaXin.Bot.Dialogs) over the host's stores.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(ConversationsOptions.Section).Get<ConversationsOptions>() ?? new ConversationsOptions();
        var taxonomyPath = KnowledgePaths.Resolve(options.TaxonomyPath, contentRoot);
        var modelPath = KnowledgePaths.Resolve(options.ModelPath, contentRoot);
        services.AddSingleton(_ => Taxonomy.Load(taxonomyPath));
        services.AddSingleton(_ => RequestModel.Load(modelPath));
        var dangerModelPath = KnowledgePaths.Resolve(options.DangerModelPath, contentRoot);
        services.AddSingleton(_ => DangerModel.Load(dangerModelPath));
        services.AddSingleton<IKnowledgeEvidence, KnowledgeEvidence>();
        services.AddSingleton<IRequesterTickets, RequesterTickets>();
        services.AddSingleton<IRequesterProfiles, RequesterProfiles>();
        services.AddSingleton<IConversationStateStore, ConversationStateStore>();
        services.AddSingleton<IFeedbackStore, FeedbackStore>();
        services.AddSingleton<ConversationReferences>();
        services.AddSingleton<IRequestUnderstanding>(sp => ActivatorUtilities.CreateInstance<RequestUnderstanding>(sp, sp.GetRequiredService<IKnowledgeEvidence>()));
        services.AddSingleton<HuaXinBot>();
        // Singleton: it serializes the turns of each conversation in this process.
        services.AddSingleton<ConversationRunner>();
        return services;
    }
}
