using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HuaXin.Bot.Data;

/// <summary>The service's database. Each provider has a derived context that owns its migrations.</summary>
public abstract class HuaXinDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The key ring behind console cookies, antiforgery tokens and action links, shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<KnowledgeDocument> KnowledgeDocuments => Set<KnowledgeDocument>();
    public DbSet<KnowledgeChunk> KnowledgeChunks => Set<KnowledgeChunk>();
    public DbSet<ConversationStateRow> ConversationStates => Set<ConversationStateRow>();
    public DbSet<ServiceRequest> ServiceRequests => Set<ServiceRequest>();
    public DbSet<ServiceRequestHistory> ServiceRequestHistory => Set<ServiceRequestHistory>();
    public DbSet<AnswerFeedbackRow> AnswerFeedback => Set<AnswerFeedbackRow>();
    public DbSet<UnansweredQuestion> UnansweredQuestions => Set<UnansweredQuestion>();
    public DbSet<InboundMessage> InboundMessages => Set<InboundMessage>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ConversationReference> ConversationReferences => Set<ConversationReference>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type; a binary form keeps ordering and comparisons in SQL.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnowledgeDocument>(e =>
        {
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasMaxLength(200);
            e.HasMany(d => d.Chunks).WithOne().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<KnowledgeChunk>(e =>
        {
            e.HasIndex(c => new { c.DocumentId, c.Ordinal }).IsUnique();
        });
        modelBuilder.Entity<ConversationStateRow>(e =>
        {
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(300);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ServiceRequest>(e =>
        {
            e.HasIndex(r => r.Number).IsUnique();
            e.HasIndex(r => r.RequestKey).IsUnique();
            e.Property(r => r.RequestKey).HasMaxLength(100);
            e.HasIndex(r => new { r.Channel, r.UserId });
            e.HasIndex(r => new { r.Department, r.Status });
            e.Property(r => r.Number).HasMaxLength(32);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasMany(r => r.History).WithOne().HasForeignKey(h => h.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<InboundMessage>(e =>
        {
            e.HasKey(m => m.Key);
            e.Property(m => m.Key).HasMaxLength(300);
            e.Property(m => m.Channel).HasMaxLength(50);
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
        });
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.Property(m => m.IdempotencyKey).HasMaxLength(300);
            e.Property(m => m.Channel).HasMaxLength(50);
            e.HasIndex(m => m.IdempotencyKey).IsUnique();
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
        });
        modelBuilder.Entity<ConversationReference>(e =>
        {
            e.HasKey(r => r.Key);
            e.Property(r => r.Key).HasMaxLength(300);
        });
        modelBuilder.Entity<UnansweredQuestion>(e => e.HasIndex(q => q.At));
        modelBuilder.Entity<AnswerFeedbackRow>(e => e.HasIndex(f => f.At));

        // Feature folders (channels, tickets) keep their own entity configurations next to their code.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HuaXinDbContext).Assembly);
    }
}
