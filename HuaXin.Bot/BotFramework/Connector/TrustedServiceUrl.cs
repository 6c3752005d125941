using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.BotFramework.Connector;

/// <summary>A Bot Connector serviceUrl vouched for by a validated channel token: the only hosts that get the bot's token.
/// Persisted so proactive messages and outbox retries after a restart can still be sent.</summary>
public sealed class TrustedServiceUrl
{
    /// <summary>Normalised with <see cref="ServiceUrls.Normalize"/>.</summary>
    public required string Url { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

public sealed class TrustedServiceUrlConfiguration : IEntityTypeConfiguration<TrustedServiceUrl>
{
    public void Configure(EntityTypeBuilder<TrustedServiceUrl> builder)
    {
        builder.ToTable("BotTrustedServiceUrls");
        builder.HasKey(u => u.Url);
        builder.Property(u => u.Url).HasMaxLength(512);
    }
}
