using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.People;

/// <summary>The id a roster worker has on one chat channel (e.g. a DingTalk userId, a Teams user id), kept apart from
/// <see cref="Worker"/> so a new channel needs a row, not a column. One id belongs to one worker.</summary>
public sealed class WorkerChannelIdentity(string channel, string externalId)
{
    public long Id { get; set; }
    public long WorkerId { get; set; }
    /// <summary>A name from <see cref="Core.ChannelNames"/>.</summary>
    public string Channel { get; set; } = channel;
    public string ExternalId { get; set; } = externalId;
}

internal sealed class WorkerChannelIdentityConfiguration : IEntityTypeConfiguration<WorkerChannelIdentity>
{
    public void Configure(EntityTypeBuilder<WorkerChannelIdentity> e)
    {
        e.HasIndex(i => new { i.Channel, i.ExternalId }).IsUnique();
        e.HasIndex(i => i.WorkerId);
        e.Property(i => i.Channel).HasMaxLength(32);
        e.Property(i => i.ExternalId).HasMaxLength(128);
    }
}
