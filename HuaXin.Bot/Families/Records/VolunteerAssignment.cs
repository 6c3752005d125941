using HuaXin.Bot.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.Families.Records;

/// <summary>A volunteer sent to a family, for a ticket, a visit or on its own, and the hours served once done.</summary>
public sealed class VolunteerAssignment
{
    public long Id { get; set; }
    public long VolunteerId { get; set; }
    public long WorkerId { get; set; }
    public string? TicketNumber { get; set; }
    public long? VisitId { get; set; }
    /// <summary>One of <see cref="Kinds"/> (第三章).</summary>
    public required string Kind { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public required string AssignedBy { get; set; }
    public string? AssignedByName { get; set; }
    public required string Department { get; set; }
    /// <summary>Set with <see cref="Hours"/> when the service is done.</summary>
    public DateOnly? ServedOn { get; set; }
    /// <summary>Hours served, in half hours, at least 0.5 (第五章).</summary>
    public decimal? Hours { get; set; }

    public static readonly IReadOnlyList<string> Kinds = ["陪诊", "接送", "代购", "课业辅导", "其他"];
}

internal sealed class VolunteerAssignmentConfiguration : IEntityTypeConfiguration<VolunteerAssignment>
{
    public void Configure(EntityTypeBuilder<VolunteerAssignment> e)
    {
        e.HasOne<Volunteer>().WithMany().HasForeignKey(a => a.VolunteerId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Worker>().WithMany().HasForeignKey(a => a.WorkerId).OnDelete(DeleteBehavior.Cascade);
        e.Property(a => a.Hours).HasPrecision(5, 1);
        e.Property(a => a.TicketNumber).HasMaxLength(32);
        e.HasIndex(a => a.WorkerId);
        e.HasIndex(a => a.TicketNumber);
        e.HasIndex(a => a.AssignedAt);
    }
}
