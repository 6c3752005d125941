using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.People;

/// <summary>A worker from the roster; the worker's family is the unit of the service archive.</summary>
public sealed class Worker
{
    public long Id { get; set; }
    /// <summary>工号, unique; the roster's key.</summary>
    public required string StaffId { get; set; }
    public required string Name { get; set; }
    /// <summary>单位/车间 the worker belongs to; assessment is per unit.</summary>
    public required string Unit { get; set; }
    public string? Phone { get; set; }
    public string? Hometown { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    /// <summary>The family's 联络员 (结对联系人): a worker from the roster who visits it and is reminded when a visit falls due.</summary>
    public long? LiaisonId { get; set; }
    /// <summary>重点服务家庭 (失能老人、留守儿童、重病患者 …): visited more often (三心服务实施办法 第三、九条).</summary>
    public bool Priority { get; set; }
    public List<FamilyMember> FamilyMembers { get; set; } = [];
    /// <summary>The worker's ids on chat channels, from the roster (see <see cref="FamilyIdentities.RosterIdentities"/>).</summary>
    public List<WorkerChannelIdentity> ChannelIdentities { get; set; } = [];
}

/// <summary>A member of a worker's family, from the roster or linked through a binding code.</summary>
public sealed class FamilyMember
{
    public long Id { get; set; }
    public long WorkerId { get; set; }
    public required string Name { get; set; }
    /// <summary>父亲, 母亲, 配偶, 子女, 岳父母, 公婆, 其他.</summary>
    public required string Relation { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
}

/// <summary>A chat identity (e.g. a web-chat user) linked to a worker's family through a binding code.</summary>
public sealed class FamilyLink
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string UserId { get; set; }
    public long WorkerId { get; set; }
    public long? FamilyMemberId { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}

/// <summary>Another phone or browser of the same family member, linked by a ticket number and the phone's last four
/// digits: it sees what <see cref="OwnerUserId"/> (the identity that filed the ticket) sees, and the other way round.</summary>
public sealed class DeviceLink
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string UserId { get; set; }
    public required string OwnerUserId { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}

/// <summary>A short-lived, single-use code a worker hands to a family member to link them.</summary>
public sealed class BindingCode
{
    public required string Code { get; set; }
    public long WorkerId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> e)
    {
        e.HasIndex(w => w.StaffId).IsUnique();
        e.HasIndex(w => w.Unit);
        e.Property(w => w.StaffId).HasMaxLength(64);
        e.HasMany(w => w.FamilyMembers).WithOne().HasForeignKey(m => m.WorkerId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(w => w.ChannelIdentities).WithOne().HasForeignKey(i => i.WorkerId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Worker>().WithMany().HasForeignKey(w => w.LiaisonId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FamilyLinkConfiguration : IEntityTypeConfiguration<FamilyLink>
{
    public void Configure(EntityTypeBuilder<FamilyLink> e)
    {
        e.HasIndex(l => new { l.Channel, l.UserId }).IsUnique();
        e.HasIndex(l => l.WorkerId);
    }
}

internal sealed class DeviceLinkConfiguration : IEntityTypeConfiguration<DeviceLink>
{
    public void Configure(EntityTypeBuilder<DeviceLink> e)
    {
        e.HasIndex(l => new { l.Channel, l.UserId }).IsUnique();
        e.HasIndex(l => new { l.Channel, l.OwnerUserId });
        e.Property(l => l.Channel).HasMaxLength(32);
        e.Property(l => l.UserId).HasMaxLength(128);
        e.Property(l => l.OwnerUserId).HasMaxLength(128);
    }
}

internal sealed class BindingCodeConfiguration : IEntityTypeConfiguration<BindingCode>
{
    public void Configure(EntityTypeBuilder<BindingCode> e)
    {
        e.HasKey(c => c.Code);
        e.Property(c => c.Code).HasMaxLength(16);
    }
}
