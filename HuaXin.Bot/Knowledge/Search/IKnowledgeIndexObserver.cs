namespace HuaXin.Bot.Knowledge.Search;

/// <summary>Derives something from the index (e.g. embeddings) after each knowledge refresh.</summary>
public interface IKnowledgeIndexObserver
{
    /// <summary>Called after every refresh with the current snapshot, whether or not it changed.</summary>
    Task IndexChangedAsync(KnowledgeIndex index, CancellationToken cancellationToken);
}
