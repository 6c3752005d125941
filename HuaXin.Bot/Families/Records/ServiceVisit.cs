using HuaXin.Bot.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.Families.Records;

/// <summary>A 走访 of a family, as the 走访记录表 has it (三心服务实施办法 第十一条): when, how, who went, whom they met,
/// what they found and what follows.</summary>
public sealed class ServiceVisit
{
    public long Id { get; set; }
    public long WorkerId { get; set; }
    public DateTimeOffset VisitedAt { get; set; }
    /// <summary>One of <see cref="VisitModes.All"/>; only 上门走访 counts toward the visiting frequency.</summary>
    public required string Mode { get; set; }
    /// <summary>Who went (走访人), as written.</summary>
    public required string Visitors { get; set; }
    /// <summary>The family members met (见到的家庭成员).</summary>
    public string? MetMembers { get; set; }
    /// <summary>What was found (家庭近况).</summary>
    public required string Findings { get; set; }
    /// <summary>Needs raised and what follows (需求和处理意见).</summary>
    public string? FollowUp { get; set; }
    /// <summary>Names of the attachments kept on paper or elsewhere (签字的走访记录表, 照片 …), one per line.</summary>
    public string? Attachments { get; set; }
    public required string Department { get; set; }
    /// <summary>Who recorded it, as "channel:userId", and their name.</summary>
    public required string RecordedBy { get; set; }
    public string? RecordedByName { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public static class VisitModes
{
    public const string Home = "上门走访";
    public static readonly IReadOnlyList<string> All = [Home, "电话联系", "视频联系"];
}

internal sealed class ServiceVisitConfiguration : IEntityTypeConfiguration<ServiceVisit>
{
    public void Configure(EntityTypeBuilder<ServiceVisit> e)
    {
        e.HasOne<Worker>().WithMany().HasForeignKey(v => v.WorkerId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(v => new { v.WorkerId, v.VisitedAt });
        e.HasIndex(v => v.VisitedAt);
    }
}
