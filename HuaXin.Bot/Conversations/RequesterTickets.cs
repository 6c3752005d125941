using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Families;
using HuaXin.Bot.People;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Conversations;

/// <summary>The conversation's way to the ticket lifecycle for requesters: what they add, a withdrawal they agree to,
/// and the rating they give in plain words after a rating card; all go through <see cref="TicketService"/> as the typed
/// commands do.</summary>
public sealed class RequesterTickets(IDbContextFactory<HuaXinDbContext> dbFactory, TicketService tickets, TimeProvider time) : IRequesterTickets
{
    // A rating card older than this is no longer what a "满意" refers to.
    private static readonly TimeSpan RatingWindow = TimeSpan.FromDays(14);

    public async Task<string> SupplementAsync(string number, string channel, string userId, string text, CancellationToken cancellationToken) =>
        (await tickets.SupplementAsync(number, new TicketActor(channel, userId, null, null), text, cancellationToken)).Message;

    public async Task<string> WithdrawAsync(string number, string channel, string userId, CancellationToken cancellationToken) =>
        (await tickets.WithdrawAsync(number, new TicketActor(channel, userId, null, null), cancellationToken)).Message;

    public async Task<RequestSummary?> AwaitingRatingAsync(string channel, string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var family = await FamilyIdentities.FamilyOfAsync(db, channel, userId, cancellationToken);
        var keys = family is null ? [] : await FamilyIdentities.KeysAsync(db, family.Value, cancellationToken);
        var since = time.GetUtcNow() - RatingWindow;
        var resolved = await db.ServiceRequests.AsNoTracking()
            .Where(r => r.Status == RequestStatus.Resolved && ((r.Channel == channel && r.UserId == userId) || keys.Contains(r.Channel + ":" + r.UserId)))
            .OrderByDescending(r => r.Id).Take(5)
            .Select(r => new { r.Number, r.Category, r.Department, r.Status, r.CreatedAt, r.ResolvedAt })
            .ToListAsync(cancellationToken);
        var latest = resolved.FirstOrDefault(r => r.ResolvedAt is null || r.ResolvedAt >= since);
        return latest is null ? null : new RequestSummary(latest.Number, latest.Category, latest.Department, latest.Status, latest.CreatedAt, false);
    }

    public async Task<string> RateAsync(string number, string channel, string userId, string rating, string? comment, CancellationToken cancellationToken) =>
        (await tickets.RateAsync(number, new TicketActor(channel, userId, null, null), rating, comment, cancellationToken)).Message;
}
