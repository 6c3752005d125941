using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Data.PostgreSql;

/// <summary>PostgreSQL flavour of the model; owns the PostgreSQL migrations.</summary>
public sealed class PostgreSqlHuaXinDbContext(DbContextOptions<PostgreSqlHuaXinDbContext> options) : HuaXinDbContext(options);
