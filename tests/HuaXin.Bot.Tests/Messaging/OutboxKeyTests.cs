using HuaXin.Bot.Core;

namespace HuaXin.Bot.Tests.Messaging;

public sealed class OutboxKeyTests
{
    [Fact]
    public void Ascii_parts_are_kept_as_they_were_written() =>
        Assert.Equal("reply:msteams:1485983408511:0", OutboxKey.Of("reply", "msteams:1485983408511", 0));

    [Theory]
    [InlineData("集团工会")]
    [InlineData("a b")]
    [InlineData("100%")]
    [InlineData("line\nbreak\0")]
    [InlineData("😀")]
    public void Anything_else_becomes_printable_ascii_that_decodes_back(string part)
    {
        var key = OutboxKey.Of("ticket", "HX-1", part);

        Assert.All(key, c => Assert.InRange(c, '!', '~'));
        Assert.Equal($"ticket:HX-1:{part}", Uri.UnescapeDataString(key));
    }

    [Fact]
    public void A_long_key_becomes_its_hash_and_stays_the_same_for_the_same_parts()
    {
        var long1 = OutboxKey.Of("reply", new string('长', 200), 1);

        Assert.StartsWith("sha256:", long1);
        Assert.True(long1.Length <= OutboxKey.MaxLength);
        Assert.Equal(long1, OutboxKey.Of("reply", new string('长', 200), 1));
        Assert.NotEqual(long1, OutboxKey.Of("reply", new string('长', 200), 2));
    }
}
