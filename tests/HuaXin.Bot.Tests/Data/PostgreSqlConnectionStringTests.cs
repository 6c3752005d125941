using HuaXin.Bot.Data;
using Npgsql;

namespace HuaXin.Bot.Tests.Data;

/// <summary>The turn path's PostgreSQL defaults apply only where the administrator's connection string is silent.</summary>
public sealed class PostgreSqlConnectionStringTests
{
    [Fact]
    public void A_plain_connection_string_gets_prepared_statements_and_no_reset_on_close()
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseExtensions.PostgreSqlConnectionString("Host=db;Username=huaxin;Password=p;Database=huaxin"));

        Assert.Equal(32, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
        Assert.Equal("db", built.Host);
        Assert.Equal("p", built.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;NoResetOnClose=false")]
    public void Settings_the_administrator_gave_are_kept_whatever_their_spelling(string configured)
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseExtensions.PostgreSqlConnectionString(configured));

        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.False(built.NoResetOnClose);
    }
}
