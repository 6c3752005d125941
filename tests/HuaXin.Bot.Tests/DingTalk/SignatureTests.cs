using HuaXin.Bot.DingTalk;
using Microsoft.Extensions.Time.Testing;

namespace HuaXin.Bot.Tests.DingTalk;

public sealed class SignatureTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(1700000000000, "lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ=", "lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ%3D")]
    [InlineData(1700000000001, "4n/tO3+YGYUoZJiPWGS0p8ad4S5Hqf6XK8x1jgF00YI=", "4n%2FtO3%2BYGYUoZJiPWGS0p8ad4S5Hqf6XK8x1jgF00YI%3D")]
    public void Matches_the_dingtalk_robot_sender_vectors(long timestamp, string base64, string urlEncoded)
    {
        Assert.Equal(base64, DingTalkSignature.Compute("SEC123", timestamp));
        Assert.Equal(urlEncoded, DingTalkSignature.ComputeUrlEncoded("SEC123", timestamp));
    }

    [Fact]
    public void Accepts_a_fresh_signature_and_rejects_one_outside_the_hour()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000));
        var sign = DingTalkSignature.Compute("SEC123", 1700000000000);

        Assert.True(DingTalkSignature.Verify("SEC123", "1700000000000", sign, time.GetUtcNow(), Hour, Skew));
        time.Advance(TimeSpan.FromMinutes(59));
        Assert.True(DingTalkSignature.Verify("SEC123", "1700000000000", sign, time.GetUtcNow(), Hour, Skew));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(DingTalkSignature.Verify("SEC123", "1700000000000", sign, time.GetUtcNow(), Hour, Skew));
        // A timestamp from the future is refused beyond a small clock skew, not an hour ahead.
        var signedAt = DateTimeOffset.FromUnixTimeMilliseconds(1700000000000);
        Assert.True(DingTalkSignature.Verify("SEC123", "1700000000000", sign, signedAt - TimeSpan.FromMinutes(1), Hour, Skew));
        Assert.False(DingTalkSignature.Verify("SEC123", "1700000000000", sign, signedAt - TimeSpan.FromMinutes(3), Hour, Skew));
        Assert.False(DingTalkSignature.Verify("SEC123", "1700000000000", sign, signedAt - TimeSpan.FromMinutes(50), Hour, Skew));
    }

    [Theory]
    [InlineData("1700000000000", "lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ%3D")] // URL-encoded header must not be decoded into a match
    [InlineData("1700000000001", "lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ=")]   // signature of another timestamp
    [InlineData("not-a-number", "lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ=")]
    [InlineData("1700000000000", "")]
    [InlineData(null, null)]
    public void Rejects_wrong_or_missing_values(string? timestamp, string? sign)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1700000000000);
        Assert.False(DingTalkSignature.Verify("SEC123", timestamp, sign, now, Hour, Skew));
    }

    [Fact]
    public async Task Matches_the_npm_package_for_a_random_secret_and_timestamp()
    {
        if (!await NodeTools.EnsureAsync())
        {
            return;
        }
        var secret = "SEC" + Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + Random.Shared.Next(0, 1_000_000);

        var (code, output) = await NodeTools.NodeAsync("dingtalk-sign.cjs", secret, timestamp.ToString());

        Assert.True(code == 0, output);
        Assert.Equal(DingTalkSignature.ComputeUrlEncoded(secret, timestamp), output.Trim());
    }
}
