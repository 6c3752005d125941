using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.Reports.KnowledgeUpkeep;

/// <summary>A question staff pinned to a clause (like MaxKB's 问题库): asked again, it is answered from that clause first.</summary>
public sealed class CuratedAnswer
{
    public long Id { get; set; }
    public required string Question { get; set; }
    /// <summary><see cref="CuratedQuestion.Normalize"/> of <see cref="Question"/>; unique, the lookup key.</summary>
    public required string NormalizedQuestion { get; set; }
    public required string DocId { get; set; }
    /// <summary>The clause's heading, e.g. "第五条", or its whole path "第二章 救助对象和标准 第五条".</summary>
    public required string Heading { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class CuratedAnswerConfiguration : IEntityTypeConfiguration<CuratedAnswer>
{
    public void Configure(EntityTypeBuilder<CuratedAnswer> e)
    {
        e.HasIndex(a => a.NormalizedQuestion).IsUnique();
        e.Property(a => a.NormalizedQuestion).HasMaxLength(500);
        e.Property(a => a.DocId).HasMaxLength(200);
    }
}
