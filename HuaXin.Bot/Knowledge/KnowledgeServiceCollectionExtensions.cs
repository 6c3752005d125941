using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge.Answering;
using HuaXin.Bot.Knowledge.Ingestion;
using HuaXin.Bot.Knowledge.Ranking;
using HuaXin.Bot.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>Registers ingestion, the in-memory index, <see cref="IKnowledgeSearch"/> and <see cref="IKnowledgeService"/>.
    /// Needs the database (AddHuaXinDatabase) and a <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddHuaXinKnowledge(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            return new KnowledgeLocations(KnowledgePaths.Resolve(options.DocsPath, contentRoot), KnowledgePaths.Resolve(options.LexiconPath, contentRoot),
                KnowledgePaths.Resolve(options.ClauseModelPath, contentRoot));
        });
        services.AddSingleton(sp => LoadLexicon(sp.GetRequiredService<KnowledgeLocations>(), sp.GetRequiredService<ILogger<Lexicon>>()));
        services.AddSingleton(sp => LoadClauseModel(sp.GetRequiredService<KnowledgeLocations>(), sp.GetRequiredService<ILogger<ClauseModel>>()));
        services.AddSingleton<QueryAnalyzer>();
        // Danger cues read by sound (the conversation's detector takes it when registered).
        services.AddSingleton<HuaXin.Bot.Dialogs.Safety.ISoundSpelling, SoundSpelling>();
        services.AddSingleton<KnowledgeIndexStore>();
        services.AddSingleton<KnowledgeIngestor>();
        services.AddSingleton<KnowledgeRefresher>();
        services.AddSingleton<KnowledgeSearch>();
        services.AddSingleton<IKnowledgeSearch>(sp => sp.GetRequiredService<KnowledgeSearch>());
        services.AddSingleton<IKnowledgeService, KnowledgeService>();
        services.AddHostedService<KnowledgeWatcher>();
        return services;
    }

    /// <summary>Ingests changed documents and loads the index; call after the database is migrated.</summary>
    public static async Task<IngestionReport> InitializeKnowledgeAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        // The word dictionaries load beside ingestion, not on the first question that needs them.
        var words = Task.Run(ChineseWords.Warm, cancellationToken);
        var report = await services.GetRequiredService<KnowledgeRefresher>().RefreshAsync(cancellationToken);
        await words;
        return report;
    }

    private static ClauseModel LoadClauseModel(KnowledgeLocations locations, ILogger logger)
    {
        try
        {
            return ClauseModel.Parse(File.ReadAllText(locations.ClauseModelPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            // Retrieval still answers without it, in the blend's order and with the coverage rule (less precisely).
            logger.LogWarning("Clause model {ClauseModelPath} not usable ({Reason}); ranking without it", locations.ClauseModelPath, e.Message);
            return ClauseModel.None;
        }
    }

    private static Lexicon LoadLexicon(KnowledgeLocations locations, ILogger logger)
    {
        if (!File.Exists(locations.LexiconPath))
        {
            // Retrieval still works without it, only worse on colloquial questions.
            logger.LogWarning("Knowledge lexicon {LexiconPath} not found; questions are not expanded", locations.LexiconPath);
            return Lexicon.Empty;
        }
        return Lexicon.Parse(File.ReadAllText(locations.LexiconPath));
    }
}
