using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge.Search;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Conversations;

/// <summary>The deployment's documents as routing evidence: the clauses retrieval finds for a message, each with its
/// document's owner department. Owners are read from the database once per knowledge snapshot.</summary>
public sealed class KnowledgeEvidence(IKnowledgeSearch search, KnowledgeIndexStore index, IDbContextFactory<HuaXinDbContext> dbFactory) : IKnowledgeEvidence
{
    private const int Clauses = 5;
    private volatile Owners _owners = new("", new Dictionary<string, string?>());

    public async Task<IReadOnlyList<EvidenceClause>> MatchAsync(string text, CancellationToken cancellationToken)
    {
        var owners = await OwnersAsync(cancellationToken);
        return search.Search(text, Clauses).Hits
            .Select(h => new EvidenceClause(h.Chunk.DocId, owners.ByDocument.GetValueOrDefault(h.Chunk.DocId),
                $"{string.Join(' ', h.Chunk.Headings)} {h.Chunk.Text}", h.Score, h.Confident))
            .ToList();
    }

    private async Task<Owners> OwnersAsync(CancellationToken cancellationToken)
    {
        var fingerprint = index.Current.Fingerprint;
        var current = _owners;
        if (current.Fingerprint == fingerprint) return current;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var byDocument = await db.KnowledgeDocuments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Owner, cancellationToken);
        return _owners = new Owners(fingerprint, byDocument);
    }

    private sealed record Owners(string Fingerprint, IReadOnlyDictionary<string, string?> ByDocument);
}
