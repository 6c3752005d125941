namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>A Direct Line conversation, bound to the one user id its tokens carry.</summary>
public sealed class DirectLineConversation
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One activity of a conversation as sent to clients. <see cref="Sequence"/> counts from 1 per conversation
/// and is the watermark; keeping it in the database lets any instance, before or after a restart, page and stream.</summary>
public sealed class DirectLineActivity
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    public long Sequence { get; set; }
    /// <summary>Set when a client or the outbox may send the same activity twice; a repeat returns the stored one.</summary>
    public string? IdempotencyKey { get; set; }
    /// <summary>The activity exactly as clients receive it.</summary>
    public required string Json { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Generated token signing key, for deployments that configure none.</summary>
public sealed class DirectLineSigningKey
{
    public required string Name { get; set; }
    public required byte[] Key { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
