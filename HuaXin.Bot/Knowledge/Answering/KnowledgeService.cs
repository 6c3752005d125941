using System.Diagnostics;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge.Search;
using HuaXin.Bot.Reports.KnowledgeUpkeep;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Knowledge.Answering;

/// <summary>Answers from the best clause with its source, suggests up to two related clauses, and otherwise says
/// plainly that the knowledge base does not cover the question and records it for the document owners.</summary>
public sealed class KnowledgeService(
    IKnowledgeSearch search,
    IDbContextFactory<HuaXinDbContext> dbFactory,
    TimeProvider time,
    ILogger<KnowledgeService> logger,
    ICuratedAnswers? curated = null) : IKnowledgeService
{
    private const int MaxRelated = 2;

    /// <summary>A related clause is offered only if it is nearly as good a match as the answer.</summary>
    private const double RelatedScoreShare = 0.5;

    public async Task<KnowledgeAnswer> AskAsync(string question, string asker, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // A question staff pinned to a clause (知识库维护 → 问题库) is answered from that clause, before any search.
        if (curated?.Find(question) is { } pinned)
        {
            return new KnowledgeAnswer(true, AnswerComposer.Compose(pinned, [], []), [pinned]);
        }
        var result = await search.SearchAsync(question, 1 + MaxRelated, cancellationToken);
        if (!result.Covered)
        {
            await RecordUnansweredAsync(question, asker, cancellationToken);
            logger.LogInformation("Knowledge question not covered (best coverage {Coverage:F2}) in {ElapsedMs:F1} ms",
                result.Hits.FirstOrDefault()?.Coverage ?? 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new KnowledgeAnswer(false, AnswerComposer.NotCovered, []);
        }

        var best = result.Hits[0];
        var related = result.Hits.Skip(1)
            .Take(MaxRelated)
            .Select(AnswerComposer.ToCitation)
            .ToList();
        var answer = AnswerComposer.ToCitation(best);
        logger.LogInformation("Knowledge question answered from {DocId} (coverage {Coverage:F2}) in {ElapsedMs:F1} ms",
            best.Chunk.DocId, best.Coverage, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new KnowledgeAnswer(true, AnswerComposer.Compose(answer, related, result.Units), [answer, .. related]);
    }

    private async Task RecordUnansweredAsync(string question, string asker, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // The contract carries who asks (worker/family), not the channel; that is what the owners can act on.
            db.UnansweredQuestions.Add(new UnansweredQuestion { Channel = asker, Question = question, At = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Losing one work-list entry must not cost the user an answer.
            logger.LogWarning(e, "Could not record an unanswered question");
        }
    }
}
