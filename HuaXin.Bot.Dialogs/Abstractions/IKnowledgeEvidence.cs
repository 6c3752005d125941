namespace HuaXin.Bot.Dialogs.Abstractions;

/// <summary>The deployment's documents as evidence for routing (implemented by the host over its knowledge index):
/// the clauses a message matches, with the department that owns each document.</summary>
public interface IKnowledgeEvidence
{
    Task<IReadOnlyList<EvidenceClause>> MatchAsync(string text, CancellationToken cancellationToken);
}

/// <param name="Owner">The document's owner department (front matter "owner"), or null.</param>
/// <param name="Text">The clause's heading path and text.</param>
/// <param name="Score">Retrieval score; only its share among the clauses returned is used.</param>
/// <param name="Answers">Whether the search would answer the message (from the first clause, the others related), not
/// only rank some clauses first as it does for any message.</param>
public sealed record EvidenceClause(string DocId, string? Owner, string Text, double Score, bool Answers);
