using System.ComponentModel.DataAnnotations;

namespace HuaXin.Bot.Messaging;

/// <summary>Settings under "Messaging": how the inbound queue and the outbox retry.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Delivery attempts before an outbound message is parked for admins.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubles each attempt (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claimed item stays invisible to other instances; a crashed worker's items come back after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often workers look for due items when nothing woke them.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Processed inbound ids are kept this long so redeliveries are recognised.</summary>
    public TimeSpan DedupeRetention { get; set; } = TimeSpan.FromDays(7);
}
