using HuaXin.Bot.Data;

namespace HuaXin.Bot.Tests.Messaging;

public sealed class StorageKeyTests
{
    [Fact]
    public void A_key_that_fits_is_kept_as_it_is()
    {
        var key = "emulator:" + new string('m', StorageKey.MaxLength - 9);

        Assert.Equal(key, StorageKey.Fit(key));
    }

    [Theory]
    [InlineData(StorageKey.MaxLength + 1)]
    [InlineData(5000)]
    public void A_key_longer_than_the_column_becomes_a_short_stable_digest(int length)
    {
        var key = "dingtalk:" + new string('长', length);

        var fitted = StorageKey.Fit(key);

        Assert.StartsWith("sha256:", fitted);
        Assert.True(fitted.Length <= StorageKey.MaxLength);
        Assert.Equal(fitted, StorageKey.Fit(key));
        Assert.NotEqual(fitted, StorageKey.Fit(key + "x"));
    }

    [Fact]
    public void A_key_holding_nul_becomes_a_digest_even_when_short()
    {
        var fitted = StorageKey.Fit("api:\0", 200);

        Assert.StartsWith("sha256:", fitted);
        Assert.DoesNotContain('\0', fitted);
        Assert.NotEqual(fitted, StorageKey.Fit("api:", 200));
    }
}
