using HuaXin.Bot.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.Families.Records;

/// <summary>A 慰问 of a family: the occasion, the gift or the amount, who brought it.</summary>
public sealed class Condolence
{
    public long Id { get; set; }
    public long WorkerId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>春节, 中秋, 住院探望, 生日 … (<see cref="Occasions"/> are suggestions, not a closed list).</summary>
    public required string Occasion { get; set; }
    public string? Gift { get; set; }
    /// <summary>慰问金 in yuan.</summary>
    public decimal? Amount { get; set; }
    public required string Visitors { get; set; }
    public string? Note { get; set; }
    public string? Attachments { get; set; }
    public required string Department { get; set; }
    public required string RecordedBy { get; set; }
    public string? RecordedByName { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public static readonly IReadOnlyList<string> Occasions = ["春节", "中秋", "住院探望", "生日", "困难慰问", "送温暖", "其他"];
}

internal sealed class CondolenceConfiguration : IEntityTypeConfiguration<Condolence>
{
    public void Configure(EntityTypeBuilder<Condolence> e)
    {
        e.HasOne<Worker>().WithMany().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Cascade);
        e.Property(c => c.Amount).HasPrecision(12, 2);
        e.HasIndex(c => new { c.WorkerId, c.At });
        e.HasIndex(c => c.At);
    }
}
