using System.Net;
using System.Text.RegularExpressions;

namespace HuaXin.Bot.Tests.DirectLine;

public sealed partial class FamilyWebPageTests
{
    [Fact]
    public async Task The_page_is_served_at_the_root_with_a_strict_content_security_policy_and_no_cache()
    {
        await using var host = new DirectLineHost();
        using var client = host.CreateClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("山东华新建筑工程集团 · 职工家庭服务", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("style=", html);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe", csp);
        Assert.True(response.Headers.CacheControl?.NoCache, "the page names the current fingerprinted files, so it is revalidated");
    }

    [Fact]
    public async Task The_page_greets_with_tappable_examples_and_the_emergency_numbers_before_anything_runs()
    {
        await using var host = new DirectLineHost();
        using var client = host.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Matches("<button type=\"button\" data-say=\"[^\"]+\">", html);
        Assert.Contains("href=\"tel:120\"", html);
        Assert.Contains("href=\"tel:110\"", html);
        Assert.Empty(host.Bot.Turns);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br, gzip", "br")]
    public async Task The_script_and_styles_come_compressed_under_fingerprinted_names_cached_for_a_year(string accept, string encoding)
    {
        await using var host = new DirectLineHost();
        using var client = host.CreateClient();
        var html = await client.GetStringAsync("/");

        foreach (var asset in new[] { Asset().Match(html).Value, Styles().Match(html).Value })
        {
            Assert.NotEqual("", asset);
            using var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.Add("Accept-Encoding", accept);
            var response = await client.SendAsync(request);
            var raw = await client.GetAsync(asset);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.True(response.Content.Headers.ContentLength < raw.Content.Headers.ContentLength / 2, $"{asset}: {response.Content.Headers.ContentLength} of {raw.Content.Headers.ContentLength} bytes");
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
        }
    }

    [Fact]
    public async Task Chart_js_for_the_console_dashboard_is_served_locally_and_compressed()
    {
        await using var host = new DirectLineHost();
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/lib/chart.umd.min.js");
        request.Headers.Add("Accept-Encoding", "br");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.NotNull(response.Headers.ETag);
    }

    [GeneratedRegex(@"/js/chat\.[a-z0-9]{6,}\.js")]
    private static partial Regex Asset();

    [GeneratedRegex(@"/css/site\.[a-z0-9]{6,}\.css")]
    private static partial Regex Styles();
}
