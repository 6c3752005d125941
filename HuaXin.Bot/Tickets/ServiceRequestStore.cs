using System.Text.Json;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.People;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Tickets;

/// <summary>Creates numbered service requests (HX-yyyyMMdd-NNNN): numbers and fills in the ticket, lets
/// <see cref="Ticket.Submit"/> write its first history entry and its card to the department, and saves both in one
/// transaction.</summary>
public sealed class ServiceRequestStore(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    Taxonomy taxonomy,
    TicketOutbox outbox,
    TimeProvider time,
    WorkSignal<OutboxWork> outboxSignal,
    ILogger<ServiceRequestStore> logger) : IServiceRequestStore
{
    private const int MaxNumberAttempts = 20;
    private const int MaxUserNameLength = 100;

    public async Task<CreatedRequest> CreateAsync(NewServiceRequest request, CancellationToken cancellationToken)
    {
        if (await FindByKeyAsync(request.RequestKey, cancellationToken) is { } earlier)
        {
            return earlier;
        }
        var now = time.GetUtcNow();
        var category = taxonomy.Find(request.Category);
        var resolveDue = category is null ? now.AddDays(7) : ServiceCalendar.AddDays(now, category.ResolutionDays, category.ResolutionInWorkingDays);
        var known = await DescribeRequesterAsync(request, cancellationToken);
        var prefix = $"HX-{ServiceTime.ToLocal(now):yyyyMMdd}-";
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // The unique index on Number settles races between concurrent creators; the loser takes the next number.
            var last = await db.ServiceRequests.Where(r => r.Number.StartsWith(prefix))
                .OrderByDescending(r => r.Number).Select(r => r.Number).FirstOrDefaultAsync(cancellationToken);
            var next = last is null ? 1 : int.Parse(last[prefix.Length..]) + 1;
            var data = new ServiceRequest
            {
                Number = $"{prefix}{next:D4}",
                RequestKey = request.RequestKey,
                Category = request.Category,
                Department = request.Department,
                Channel = request.Channel,
                UserId = request.UserId,
                // A display name as the channel sent it (Bot Framework from.name is free text): kept short, like a name.
                UserName = request.UserName is { Length: > MaxUserNameLength } name ? name[..MaxUserNameLength] : request.UserName,
                RequesterName = Clean(request.RequesterName) ?? known.Name ?? Clean(request.UserName),
                RequesterRelation = Clean(request.RequesterRelation) ?? known.Relation,
                SlotsJson = JsonSerializer.Serialize(request.Slots, MessagingJson.Options),
                OriginalText = request.OriginalText,
                Urgent = request.Urgent,
                Status = RequestStatus.Pending,
                CreatedAt = now,
                UpdatedAt = now,
                FirstContactDue = now + request.FirstContactWithin,
                ResolveDue = resolveDue,
            };
            var ticket = Ticket.Submit(data, category?.Name ?? request.Category);
            db.ServiceRequests.Add(data);
            await outbox.AddAsync(db, ticket, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                outboxSignal.Notify();
                logger.LogInformation("Service request {Number} created: {Category} → {Department}", data.Number, data.Category, data.Department);
                return new CreatedRequest(data.Number, data.FirstContactDue);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < MaxNumberAttempts)
            {
                // Either another creator took the number, or the same submission (retried on another instance) got here first.
                if (await FindByKeyAsync(request.RequestKey, cancellationToken) is { } concurrent)
                {
                    return concurrent;
                }
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
        }
    }

    private async Task<(string? Name, string? Relation)> DescribeRequesterAsync(NewServiceRequest request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Requesters.DescribeAsync(db, request.Channel, request.UserId, cancellationToken);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<CreatedRequest?> FindByKeyAsync(string? requestKey, CancellationToken cancellationToken)
    {
        if (requestKey is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.ServiceRequests.AsNoTracking().Where(r => r.RequestKey == requestKey)
            .Select(r => new { r.Number, r.FirstContactDue }).SingleOrDefaultAsync(cancellationToken);
        if (found is not null)
        {
            logger.LogInformation("Service request {Number} was already created by this submission", found.Number);
        }
        return found is null ? null : new CreatedRequest(found.Number, found.FirstContactDue);
    }

    public async Task<IReadOnlyList<RequestSummary>> ListByRequesterAsync(string channel, string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A family sees its own requests together: the worker's, every linked member's and their other phones'.
        var keys = await FamilyIdentities.VisibleKeysAsync(db, channel, userId, cancellationToken);
        return (await db.ServiceRequests.AsNoTracking()
            .Where(r => keys.Contains(r.Channel + ":" + r.UserId))
            .OrderByDescending(r => r.Id)
            .Take(20)
            .Select(r => new { r.Number, r.Category, r.Department, r.Status, r.CreatedAt, r.FirstContactDue })
            .ToListAsync(cancellationToken))
            .Select(r => new RequestSummary(r.Number, r.Category, r.Department, r.Status, r.CreatedAt, Ticket.IsOpen(r.Status),
                r.Status == RequestStatus.Pending ? r.FirstContactDue : null))
            .ToList();
    }
}
