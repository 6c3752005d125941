using System.Net;
using HuaXin.Bot.BotFramework.DirectLine;
using HuaXin.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HuaXin.Bot.Tests.DirectLine;

public sealed class DirectLineTokenTests
{
    [Fact]
    public async Task The_page_token_names_a_new_anonymous_user_and_carries_no_secret()
    {
        await using var host = new DirectLineHost();
        using var client = host.CreateClient();

        var response = await client.PostAsync("/api/webchat/token", null);
        var body = await DirectLineHost.ReadJsonAsync(response);

        Assert.StartsWith("dl_", body["userId"]!.GetValue<string>());
        Assert.Equal(1800, body["expires_in"]!.GetValue<int>());
        Assert.DoesNotContain(DirectLineHost.Secret, body.ToJsonString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_expired_token_gets_403_and_a_refreshed_one_keeps_working()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();
        var activities = $"/v3/directline/conversations/{session.ConversationId}/activities";

        host.Time.Advance(TimeSpan.FromMinutes(20));
        var refreshed = (await DirectLineHost.ReadJsonAsync(await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", session.Token)))["token"]!.GetValue<string>();
        host.Time.Advance(TimeSpan.FromMinutes(20));

        var expired = await host.SendAsync(HttpMethod.Get, activities, session.Token);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal("TokenExpired", await DirectLineHost.ErrorCodeAsync(expired));
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, activities, refreshed)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", session.Token)).StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_conversation_gets_403()
    {
        await using var host = new DirectLineHost();
        var mine = await host.StartAsync();
        var theirs = await host.StartAsync();

        var read = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}/activities", mine.Token);
        var post = await host.PostMessageAsync(theirs with { Token = mine.Token }, "偷看");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("eyJwIjoiY29udiJ9.AAAA")]
    public async Task A_missing_or_forged_token_gets_401(string? token)
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();

        var response = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}/activities", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Web Chat reads the user id from the token's <c>user</c> claim, as with Azure's Direct Line: the token must
    /// be a JWT a standard library accepts.</summary>
    [Fact]
    public async Task A_page_token_is_a_standard_jwt_naming_the_user_and_the_conversation()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();
        var key = await host.Services.GetRequiredService<DirectLineSigningKeyProvider>().GetKeyAsync(CancellationToken.None);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(session.Token, new TokenValidationParameters
        {
            ValidIssuer = "huaxin-bot/directline",
            ValidAudience = "directline",
            IssuerSigningKey = new SymmetricSecurityKey(key),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal(session.UserId, jwt.GetClaim("user").Value);
        Assert.Equal(session.ConversationId, jwt.GetClaim("conv").Value);
        Assert.Equal("huaxin-bot", jwt.GetClaim("bot").Value);
        Assert.StartsWith("dl_", session.UserId);
    }

    [Theory]
    [InlineData("""{"alg":"none","typ":"JWT"}""")]
    [InlineData("""{"alg":"HS512","typ":"JWT"}""")]
    public async Task A_token_with_another_header_gets_401(string header)
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();
        var parts = session.Token.Split('.');
        var other = $"{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(header))}.{parts[1]}.{parts[2]}";

        var response = await host.PostMessageAsync(session with { Token = other }, "换个算法");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_whose_claims_were_edited_gets_401()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();
        var parts = session.Token.Split('.');
        var claims = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        var forged = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(claims.Replace(session.UserId, "dl_victim")))}.{parts[2]}";

        var response = await host.PostMessageAsync(session with { Token = forged }, "冒充");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_stream_token_cannot_be_used_to_post()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();
        var streamToken = Uri.UnescapeDataString(session.StreamUrl[(session.StreamUrl.IndexOf("&t=", StringComparison.Ordinal) + 3)..]);

        var response = await host.PostMessageAsync(session with { Token = streamToken }, "借用");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_conversation_that_was_never_started_is_404()
    {
        await using var host = new DirectLineHost();
        using var client = host.CreateClient();
        var page = await DirectLineHost.ReadJsonAsync(await client.PostAsync("/api/webchat/token", null));
        var token = page["token"]!.GetValue<string>();
        var conversationId = page["conversationId"]!.GetValue<string>();

        var response = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Generating_a_token_needs_a_configured_secret()
    {
        await using var host = new DirectLineHost();

        var without = await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", "wrong-secret-0123456789");
        var with = await DirectLineHost.ReadJsonAsync(await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineHost.Secret, """{"user":{"id":"dl_family42"}}"""));
        var started = await host.SendAsync(HttpMethod.Post, "/v3/directline/conversations", with["token"]!.GetValue<string>());
        var session = new Session(with["conversationId"]!.GetValue<string>(), with["token"]!.GetValue<string>(), "dl_family42", "");
        await DirectLineHost.ReadJsonAsync(await host.PostMessageAsync(session, "你好"));

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal("dl_family42", Assert.Single(host.Bot.Turns).UserId);
    }

    [Fact]
    public async Task Tokens_survive_a_restart_because_the_generated_key_is_kept_in_the_database()
    {
        using var database = new TestDatabase();
        Session session;
        await using (var before = new DirectLineHost(database: database))
        {
            session = await before.StartAsync();
            await DirectLineHost.ReadJsonAsync(await before.PostMessageAsync(session, "重启前"));
        }

        await using var after = new DirectLineHost(database: database);
        var set = await after.GetActivitiesAsync(session);

        Assert.Equal("重启前", set["activities"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cross_origin_pages_may_send_the_direct_line_headers()
    {
        await using var host = new DirectLineHost();
        using var client = host.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        preflight.Headers.Add("Origin", "https://family.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");

        var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", allowed);
        Assert.Contains("x-ms-bot-agent", allowed);
    }
}
