using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Conversations;

public sealed class FeedbackStore(IDbContextFactory<HuaXinDbContext> dbFactory) : IFeedbackStore
{
    public async Task RecordAsync(AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AnswerFeedback.Add(new AnswerFeedbackRow
        {
            Channel = feedback.Channel,
            UserId = feedback.UserId,
            Question = feedback.Question,
            Helpful = feedback.Helpful,
            CitedDocIds = string.Join(',', feedback.CitedDocIds),
            At = feedback.At,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
