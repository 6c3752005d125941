using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.BotFramework.DirectLine;

internal sealed class DirectLineConversationConfiguration : IEntityTypeConfiguration<DirectLineConversation>
{
    public void Configure(EntityTypeBuilder<DirectLineConversation> e)
    {
        e.ToTable("DirectLineConversations");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).HasMaxLength(64);
        e.Property(c => c.UserId).HasMaxLength(128);
    }
}

internal sealed class DirectLineActivityConfiguration : IEntityTypeConfiguration<DirectLineActivity>
{
    public const int IdempotencyKeyLength = 200;

    public void Configure(EntityTypeBuilder<DirectLineActivity> e)
    {
        e.ToTable("DirectLineActivities");
        e.Property(a => a.ConversationId).HasMaxLength(64);
        e.Property(a => a.IdempotencyKey).HasMaxLength(IdempotencyKeyLength);
        // The unique sequence is what makes two concurrent writers (threads or instances) unable to share a watermark.
        e.HasIndex(a => new { a.ConversationId, a.Sequence }).IsUnique();
        e.HasIndex(a => new { a.ConversationId, a.IdempotencyKey }).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
        e.HasOne<DirectLineConversation>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectLineSigningKeyConfiguration : IEntityTypeConfiguration<DirectLineSigningKey>
{
    public void Configure(EntityTypeBuilder<DirectLineSigningKey> e)
    {
        e.ToTable("DirectLineSigningKeys");
        e.HasKey(k => k.Name);
        e.Property(k => k.Name).HasMaxLength(64);
    }
}
