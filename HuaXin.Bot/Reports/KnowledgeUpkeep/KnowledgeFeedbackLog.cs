using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Reports.KnowledgeUpkeep;

/// <summary>The knowledge owners' work list: questions the knowledge base abstained on and answers rated 没用, newest first.</summary>
public sealed class KnowledgeFeedbackLog(IDbContextFactory<HuaXinDbContext> dbFactory)
{
    public async Task<IReadOnlyList<UnansweredQuestion>> UnansweredAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.UnansweredQuestions.AsNoTracking().OrderByDescending(q => q.At).ThenByDescending(q => q.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>Answers with citations that the asker rated 没用 (abstentions, recorded without citations, are in <see cref="UnansweredAsync"/>).</summary>
    public async Task<IReadOnlyList<AnswerFeedbackRow>> NotHelpfulAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AnswerFeedback.AsNoTracking().Where(f => !f.Helpful && f.CitedDocIds != "")
            .OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Take(take).ToListAsync(cancellationToken);
    }
}
