using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HuaXin.Bot.Data.Sqlite;

/// <summary>Lets dotnet-ef create SQLite migrations without starting the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHuaXinDbContext>
{
    public SqliteHuaXinDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHuaXinDbContext>().UseSqlite("Data Source=design.db").Options);
}
