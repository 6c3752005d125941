using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HuaXin.Bot.Data;

/// <summary>Per-connection SQLite settings, applied when a connection opens: the durability chosen in
/// <see cref="DatabaseOptions.SqliteSynchronous"/>, and SQLite's own busy wait (short sleeps inside SQLite) before
/// Microsoft.Data.Sqlite's retry loop, which sleeps 150 ms at a time. The journal is WAL (set once, kept in the file):
/// readers never wait for the writer.</summary>
public sealed class SqliteSettings(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _pragmas = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()}; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
