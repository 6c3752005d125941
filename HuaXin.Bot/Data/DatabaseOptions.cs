using System.ComponentModel.DataAnnotations;

namespace HuaXin.Bot.Data;

public enum DatabaseProvider
{
    /// <summary>A local file: the embedded default, for a pilot or one instance.</summary>
    Sqlite,
    /// <summary>Production: several instances share one database.</summary>
    PostgreSQL,
}

/// <summary>Settings under "Database". The connection string itself is ConnectionStrings:HuaXin.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at startup (otherwise run the "migrate" command).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
