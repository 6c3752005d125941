using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HuaXin.Bot.Data.PostgreSql;

/// <summary>Lets dotnet-ef create PostgreSQL migrations without a server.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlHuaXinDbContext>
{
    public PostgreSqlHuaXinDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlHuaXinDbContext>().UseNpgsql("Host=localhost;Database=huaxin_design").Options);
}
