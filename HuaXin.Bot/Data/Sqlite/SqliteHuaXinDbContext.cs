using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Data.Sqlite;

/// <summary>SQLite flavour of the model; owns the SQLite migrations.</summary>
public sealed class SqliteHuaXinDbContext(DbContextOptions<SqliteHuaXinDbContext> options) : HuaXinDbContext(options);
