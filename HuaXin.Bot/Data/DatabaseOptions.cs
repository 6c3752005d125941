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

    /// <summary>SQLite only: when a commit is on disk. Full (the default) syncs the log at every commit that holds
    /// something acknowledged, so it survives a power cut; concurrent turns share one commit (GroupCommit), so this costs
    /// one sync per batch. A batch of dialog states whose callers hold their replies is not synced either way. Normal
    /// syncs only at checkpoints: a killed service still loses nothing, but a power cut or kernel crash may undo the
    /// last commits.</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;
}

public enum SqliteSynchronous
{
    Normal,
    Full,
}
