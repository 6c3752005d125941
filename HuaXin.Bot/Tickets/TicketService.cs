using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.People;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Tickets;

/// <summary>Carries out ticket commands from chat and the console: loads the ticket, asks <see cref="Ticket"/> to take
/// the step (it holds the rules), and saves the change, its history and its notices (through <see cref="TicketOutbox"/>)
/// in one transaction.</summary>
public sealed class TicketService(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    TicketOutbox outbox,
    Taxonomy taxonomy,
    TimeProvider time,
    WorkSignal<OutboxWork> outboxSignal,
    ILogger<TicketService> logger)
{
    private const string NotFound = "没有找到这个编号的诉求，请核对编号（例如 HX-20261123-0001）。";

    public Task<TicketOutcome> AcceptAsync(string number, TicketActor actor, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, (t, now) => t.Accept(actor, now));

    public Task<TicketOutcome> CommentAsync(string number, TicketActor actor, string note, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, (t, now) => t.Comment(actor, note, now));

    public Task<TicketOutcome> NoteInternallyAsync(string number, TicketActor actor, string note, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, (t, now) => t.NoteInternally(actor, note, now));

    public Task<TicketOutcome> AddCoHandlerAsync(string number, TicketActor actor, string department, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, (t, now) => t.AddCoHandler(actor, department, now));

    public Task<TicketOutcome> RemoveCoHandlerAsync(string number, TicketActor actor, string department, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, (t, now) => t.RemoveCoHandler(actor, department, now));

    public Task<TicketOutcome> TransferAsync(string number, TicketActor actor, string department, string reason, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, (t, now) => t.Transfer(actor, department, reason, now));

    public Task<TicketOutcome> ReturnAsync(string number, TicketActor actor, string reason, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, (t, now) => t.Return(actor, reason, now));

    public Task<TicketOutcome> ResolveAsync(string number, TicketActor actor, string result, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, (t, now) => t.Resolve(actor, result, now));

    public Task<TicketOutcome> SupplementAsync(string number, TicketActor actor, string info, CancellationToken ct) =>
        RequesterChangeAsync(number, actor, ct, (t, requester, now) => t.Supplement(requester, info, now));

    public Task<TicketOutcome> RateAsync(string number, TicketActor actor, string rating, string? comment, CancellationToken ct) =>
        RequesterChangeAsync(number, actor, ct, (t, requester, now) => t.Rate(requester, rating, comment, now));

    public Task<TicketOutcome> WithdrawAsync(string number, TicketActor actor, CancellationToken ct) =>
        RequesterChangeAsync(number, actor, ct, (t, requester, now) => t.Withdraw(requester, now));

    /// <summary>Links an unbound requester to the roster family their phone points to, while that proposal still holds.</summary>
    public Task<TicketOutcome> LinkRequesterAsync(string number, TicketActor actor, long workerId, long? memberId, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (db, t, now) =>
        {
            var proposal = await RosterMatch.FindAsync(db, t.Data.Channel, t.Data.UserId, TicketSlots.Phone(t.Data), ct);
            var outcome = t.LinkRequester(actor, proposal, workerId, memberId, now);
            if (outcome.Ok)
            {
                RosterMatch.Link(db, t.Data.Channel, t.Data.UserId, proposal!, now);
            }
            return outcome;
        });

    /// <summary>The roster family an unbound requester's phone points to, for staff to confirm; null when none.</summary>
    public async Task<RosterProposal?> RosterProposalAsync(ServiceRequest t, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RosterMatch.FindAsync(db, t.Channel, t.UserId, TicketSlots.Phone(t), ct);
    }

    /// <summary>Open tickets the staff member's department leads or co-handles (all departments for admins), oldest first.</summary>
    public async Task<IReadOnlyList<ServiceRequest>> OpenForAsync(StaffMember staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ServiceRequests.AsNoTracking()
            .Where(r => Ticket.OpenStatuses.Contains(r.Status) && (staff.Role == StaffRole.Admin || r.Department == staff.Department
                || r.CoHandlers.Any(h => h.Department == staff.Department)))
            .OrderBy(r => r.Id).Take(20).ToListAsync(ct);
    }

    internal string CategoryName(ServiceRequest t) => taxonomy.Find(t.Category)?.Name ?? t.Category;

    private Task<TicketOutcome> ChangeAsync(string number, TicketActor actor, CancellationToken ct, Func<Ticket, DateTimeOffset, TicketOutcome> step) =>
        ChangeAsync(number, actor, ct, (_, t, now) => Task.FromResult(step(t, now)));

    /// <summary>A requester's step: the actor counts as the requester when they sent the ticket or belong to its family.</summary>
    private Task<TicketOutcome> RequesterChangeAsync(string number, TicketActor actor, CancellationToken ct, Func<Ticket, TicketActor, DateTimeOffset, TicketOutcome> step) =>
        ChangeAsync(number, actor, ct, async (db, t, now) =>
        {
            var isRequester = (t.Data.Channel == actor.Channel && t.Data.UserId == actor.UserId)
                || await FamilyIdentities.SameFamilyAsync(db, actor.Channel, actor.UserId, t.Data.Channel, t.Data.UserId, ct);
            return step(t, actor with { IsRequester = isRequester }, now);
        });

    private async Task<TicketOutcome> ChangeAsync(string number, TicketActor actor, CancellationToken ct, Func<HuaXinDbContext, Ticket, DateTimeOffset, Task<TicketOutcome>> step)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var data = await db.ServiceRequests.Include(r => r.CoHandlers).SingleOrDefaultAsync(r => r.Number == number, ct);
            if (data is null)
            {
                return new TicketOutcome(false, NotFound);
            }
            var ticket = new Ticket(data, CategoryName(data));
            var outcome = await step(db, ticket, time.GetUtcNow());
            if (!outcome.Ok)
            {
                return outcome;
            }
            await outbox.AddAsync(db, ticket, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                outboxSignal.Notify();
                logger.LogInformation("Ticket {Number}: {Actions} by {Actor}", number, string.Join(",", ticket.Recorded.Select(h => h.Action)), actor.Id);
                return outcome with { Ticket = data };
            }
            catch (DbUpdateException e) when (attempt < 5 && (e is DbUpdateConcurrencyException || e.IsUniqueViolation()))
            {
                // Someone else changed the ticket meanwhile (its version moved, or its notices for this version are
                // already queued): re-read and re-check the step.
            }
        }
    }
}
