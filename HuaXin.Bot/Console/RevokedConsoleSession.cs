using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.StaffConsole;

/// <summary>A console session ended by signing out: its cookie is refused on every instance until it would have expired.</summary>
public sealed class RevokedConsoleSession
{
    public required string SessionId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

internal sealed class RevokedConsoleSessionConfiguration : IEntityTypeConfiguration<RevokedConsoleSession>
{
    public void Configure(EntityTypeBuilder<RevokedConsoleSession> e)
    {
        e.ToTable("RevokedConsoleSessions");
        e.HasKey(s => s.SessionId);
        e.Property(s => s.SessionId).HasMaxLength(64);
        e.HasIndex(s => s.ExpiresAt);
    }
}
