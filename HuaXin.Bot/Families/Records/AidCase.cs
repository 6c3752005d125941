using HuaXin.Bot.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.Families.Records;

/// <summary>A 帮扶救助 case (困难职工备案): the family's hardship type and level, the application, its approval steps and
/// the 救助资金 paid. 集团工会 leads (主办); the 车间工会 co-handles (协办) and does the 入户核实和初审 (困难职工帮扶救助管理办法 第四、十二条).</summary>
public sealed class AidCase
{
    public long Id { get; set; }
    /// <summary>BF-yyyyMMdd-NNNN.</summary>
    public required string Number { get; set; }
    public long WorkerId { get; set; }
    /// <summary>One of <see cref="AidTerms.HardshipTypes"/> (第五条).</summary>
    public required string HardshipType { get; set; }
    /// <summary>One of <see cref="AidTerms.Levels"/> (第六条).</summary>
    public required string Level { get; set; }
    /// <summary>One of <see cref="AidTerms.Kinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>The application in the applicant's words (申请事由).</summary>
    public required string Application { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
    public required string Status { get; set; }
    /// <summary>The lead department (主办).</summary>
    public required string Department { get; set; }
    public decimal? ApprovedAmount { get; set; }
    /// <summary>审批时限: 7 working days from the application (第十二条).</summary>
    public DateTimeOffset Due { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    /// <summary>The chat request the case grew out of, if any.</summary>
    public string? TicketNumber { get; set; }
    public string? Attachments { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
    public List<AidStep> Steps { get; set; } = [];
    public List<AidPayment> Payments { get; set; } = [];
    public List<AidCaseCoHandler> CoHandlers { get; set; } = [];
}

internal sealed class AidCaseConfiguration : IEntityTypeConfiguration<AidCase>
{
    public void Configure(EntityTypeBuilder<AidCase> e)
    {
        e.HasOne<Worker>().WithMany().HasForeignKey(a => a.WorkerId).OnDelete(DeleteBehavior.Cascade);
        e.Property(a => a.Number).HasMaxLength(32);
        e.HasIndex(a => a.Number).IsUnique();
        e.HasIndex(a => a.WorkerId);
        e.HasIndex(a => new { a.Department, a.Status });
        e.Property(a => a.ApprovedAmount).HasPrecision(12, 2);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasMany(a => a.Steps).WithOne().HasForeignKey(s => s.AidCaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(a => a.Payments).WithOne().HasForeignKey(p => p.AidCaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(a => a.CoHandlers).WithOne().HasForeignKey(c => c.AidCaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
