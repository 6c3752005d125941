using System.Net;

namespace HuaXin.Bot.Tests.DirectLine;

public sealed class FamilyWebPageTests
{
    [Fact]
    public async Task The_page_is_served_at_the_root_with_a_strict_content_security_policy()
    {
        await using var host = new DirectLineHost();
        using var client = host.CreateClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("山东华新建筑工程集团 · 职工家庭服务", html);
        Assert.Contains("在线咨询", html);
        Assert.Contains("/lib/webchat.js", html);
        Assert.DoesNotContain("https://", html);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
    }

    [Fact]
    public async Task The_web_chat_bundle_is_served_locally()
    {
        await using var host = new DirectLineHost();
        using var client = host.CreateClient();

        var response = await client.GetAsync("/lib/webchat.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 1_000_000, "the full Web Chat bundle (with Adaptive Cards) is expected");
    }
}
