using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.Data;

/// <summary>A department co-handling (协办) a ticket: it sees the ticket, adds notes, is notified and reminded like
/// the lead department (主办), which alone resolves it.</summary>
public sealed class TicketCoHandler
{
    public long Id { get; set; }
    public long ServiceRequestId { get; set; }
    public required string Department { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    /// <summary>Who added it, as "channel:userId".</summary>
    public required string AddedBy { get; set; }
}

internal sealed class TicketCoHandlerConfiguration : IEntityTypeConfiguration<TicketCoHandler>
{
    public void Configure(EntityTypeBuilder<TicketCoHandler> e)
    {
        e.HasOne<ServiceRequest>().WithMany(r => r.CoHandlers).HasForeignKey(c => c.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        e.Property(c => c.Department).HasMaxLength(50);
        e.HasIndex(c => new { c.ServiceRequestId, c.Department }).IsUnique();
        e.HasIndex(c => c.Department);
    }
}
