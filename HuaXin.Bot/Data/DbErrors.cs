using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Data;

public static class DbErrors
{
    /// <summary>True when the save failed on a unique index: the row already exists (a duplicate, a lost race).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        DbException other => other.SqlState == "23505",          // PostgreSQL unique_violation
        _ => false,
    };
}
