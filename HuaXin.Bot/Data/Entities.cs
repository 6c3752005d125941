namespace HuaXin.Bot.Data;

/// <summary>One ingested knowledge document; <see cref="ContentHash"/> drives incremental re-indexing.</summary>
public sealed class KnowledgeDocument
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public string Category { get; set; } = "regulation";
    public string? Effective { get; set; }
    public string? Owner { get; set; }
    public required string SourcePath { get; set; }
    public required string ContentHash { get; set; }
    public DateTimeOffset IndexedAt { get; set; }
    public List<KnowledgeChunk> Chunks { get; set; } = [];
}

/// <summary>A clause-aware chunk: never spans two clauses; keeps its heading path.</summary>
public sealed class KnowledgeChunk
{
    public long Id { get; set; }
    public required string DocumentId { get; set; }
    public int Ordinal { get; set; }
    /// <summary>Heading path as a JSON array, e.g. ["第二章 救助对象和标准","第五条"].</summary>
    public required string HeadingsJson { get; set; }
    public required string Text { get; set; }
}

public sealed class ConversationStateRow
{
    public required string Key { get; set; }
    public required string Json { get; set; }
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A confirmed service request (ticket), numbered HX-yyyyMMdd-NNNN.</summary>
public sealed class ServiceRequest
{
    public long Id { get; set; }
    public required string Number { get; set; }
    /// <summary>The submitting dialog's key: a retried submission finds this request instead of creating another.</summary>
    public string? RequestKey { get; set; }
    public required string Category { get; set; }
    public required string Department { get; set; }
    public required string Channel { get; set; }
    public required string UserId { get; set; }
    public string? UserName { get; set; }
    /// <summary>Who asked, as they said or as the roster knows them (null when unknown).</summary>
    public string? RequesterName { get; set; }
    /// <summary>The requester's relation to the worker: 本人, 母亲, 配偶 … (null when unknown).</summary>
    public string? RequesterRelation { get; set; }
    /// <summary>Slot name → value as a JSON object.</summary>
    public required string SlotsJson { get; set; }
    public required string OriginalText { get; set; }
    public bool Urgent { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset FirstContactDue { get; set; }
    public DateTimeOffset ResolveDue { get; set; }
    /// <summary>Staff member working the ticket, as "channel:userId".</summary>
    public string? Assignee { get; set; }
    public string? AssigneeName { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Result { get; set; }
    /// <summary>非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意.</summary>
    public string? Rating { get; set; }
    public string? RatingComment { get; set; }
    /// <summary>Reopened under 党委工作部 supervision after a 不满意 rating or an overdue escalation.</summary>
    public bool Supervised { get; set; }
    public DateTimeOffset? AcceptReminderSentAt { get; set; }
    public DateTimeOffset? AcceptEscalatedAt { get; set; }
    public DateTimeOffset? ResolveReminderSentAt { get; set; }
    public DateTimeOffset? ResolveEscalatedAt { get; set; }
    public long Version { get; set; }
    public List<ServiceRequestHistory> History { get; set; } = [];
    /// <summary>Departments co-handling (协办) the ticket beside the lead department (主办) in <see cref="Department"/>.</summary>
    public List<TicketCoHandler> CoHandlers { get; set; } = [];
}

/// <summary>Every status change of a request: who, when, why.</summary>
public sealed class ServiceRequestHistory
{
    public long Id { get; set; }
    public long ServiceRequestId { get; set; }
    /// <summary>What happened: 提交, 受理, 转派, 退回, 补充, 备注, 内部备注, 协办, 取消协办, 关联家庭, 办结, 评价, 督办, 撤回, 提醒, 超时.</summary>
    public required string Action { get; set; }
    public string? FromStatus { get; set; }
    public required string ToStatus { get; set; }
    public string? Department { get; set; }
    public required string Actor { get; set; }
    /// <summary>The actor's name when the entry was written, so the history reads with names, not channel ids.</summary>
    public string? ActorName { get; set; }
    /// <summary>The acting staff member's department (a co-handler's steps carry their own department).</summary>
    public string? ActorDepartment { get; set; }
    public string? Note { get; set; }
    /// <summary>A staff-only entry (内部备注): never sent to, nor shown to, the family.</summary>
    public bool Internal { get; set; }
    public DateTimeOffset At { get; set; }
}

public sealed class AnswerFeedbackRow
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string UserId { get; set; }
    public required string Question { get; set; }
    public bool Helpful { get; set; }
    public required string CitedDocIds { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Where a user was last reachable on a channel, so notices about their tickets can be pushed to them.</summary>
public sealed class ConversationReference
{
    /// <summary>"channel:userId".</summary>
    public required string Key { get; set; }
    public required string Channel { get; set; }
    public required string UserId { get; set; }
    public required string Address { get; set; }
    /// <summary>When the address last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A question the knowledge base abstained on: the owners' work list.</summary>
public sealed class UnansweredQuestion
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string Question { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>An inbound message accepted from a channel that is answered asynchronously. Its key (channel message id)
/// makes a redelivery a no-op; the row is the durable work item until its replies are in the outbox.</summary>
public sealed class InboundMessage : ILeasedWork
{
    public required string Key { get; set; }
    public required string Channel { get; set; }
    /// <summary>The channel-neutral turn as JSON.</summary>
    public required string TurnJson { get; set; }
    /// <summary>Channel routing data for the replies (opaque JSON).</summary>
    public required string ReplyAddress { get; set; }
    public WorkStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>One outbound message waiting for, or done with, delivery by the outbox dispatcher.</summary>
public sealed class OutboxMessage : ILeasedWork
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string Address { get; set; }
    /// <summary>The channel-neutral OutboundMessage as JSON.</summary>
    public required string MessageJson { get; set; }
    /// <summary>Unique per logical message (e.g. "ticket:HX-20261123-0001:accepted:requester").</summary>
    public required string IdempotencyKey { get; set; }
    public WorkStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A durable work item several instances may race for (inbound turns, outbox messages); claimed through
/// Messaging.Leases.</summary>
public interface ILeasedWork
{
    WorkStatus Status { get; }
    DateTimeOffset NextAttemptAt { get; }
    DateTimeOffset? LeaseUntil { get; set; }
}

public enum WorkStatus
{
    Pending = 0,
    Done = 1,
    /// <summary>Gave up after the maximum attempts or a permanent error; shown to admins.</summary>
    Parked = 2,
}
