using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.Families.Records;

/// <summary>A “星火365” volunteer on the roster (星火365志愿服务管理办法 第二章).</summary>
public sealed class Volunteer
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? Phone { get; set; }
    /// <summary>志愿服务分队 (usually a unit's 团支部).</summary>
    public string? Team { get; set; }
    /// <summary>What they can do: 陪诊, 接送, 代购, 课业辅导 ….</summary>
    public string? Skills { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset RegisteredAt { get; set; }
}

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> e)
    {
        e.Property(v => v.Name).HasMaxLength(50);
        e.HasIndex(v => v.Name);
    }
}
