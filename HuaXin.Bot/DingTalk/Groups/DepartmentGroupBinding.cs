using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.DingTalk.Groups;

/// <summary>Which DingTalk group receives a department's tickets. One group per department; a group may serve several.</summary>
public sealed class DepartmentGroupBinding
{
    public required string Department { get; set; }

    /// <summary>The group's conversationId as seen in its robot messages, which the OpenAPI calls openConversationId.</summary>
    public required string OpenConversationId { get; set; }

    public string? ConversationTitle { get; set; }

    public required string BoundBy { get; set; }

    public DateTimeOffset BoundAt { get; set; }
}

public sealed class DepartmentGroupBindingConfiguration : IEntityTypeConfiguration<DepartmentGroupBinding>
{
    public void Configure(EntityTypeBuilder<DepartmentGroupBinding> builder)
    {
        builder.ToTable("DingTalkDepartmentGroups");
        builder.HasKey(b => b.Department);
        builder.Property(b => b.Department).HasMaxLength(50);
        builder.Property(b => b.OpenConversationId).HasMaxLength(200);
        builder.Property(b => b.ConversationTitle).HasMaxLength(200);
        builder.Property(b => b.BoundBy).HasMaxLength(100);
        builder.HasIndex(b => b.OpenConversationId);
    }
}
