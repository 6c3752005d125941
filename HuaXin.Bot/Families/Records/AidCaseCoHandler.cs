namespace HuaXin.Bot.Families.Records;

/// <summary>A department co-handling (协办) an aid case: it sees the case, adds notes and its own steps (初审), and is
/// reminded by the case's deadline; only the lead department approves, pays and closes.</summary>
public sealed class AidCaseCoHandler
{
    public long Id { get; set; }
    public long AidCaseId { get; set; }
    public required string Department { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public required string AddedBy { get; set; }
}

internal sealed class AidCaseCoHandlerConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<AidCaseCoHandler>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<AidCaseCoHandler> e)
    {
        e.Property(c => c.Department).HasMaxLength(50);
        e.HasIndex(c => new { c.AidCaseId, c.Department }).IsUnique();
        e.HasIndex(c => c.Department);
    }
}
