using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using HuaXin.Bot.Core;
using HuaXin.Bot.Security;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>The Direct Line 3.0 REST and WebSocket surface under /v3/directline, as the official clients
/// (botframework-directlinejs, Web Chat) call it.</summary>
public static class DirectLineEndpoints
{
    public const string CorsPolicy = "DirectLine";
    public const string BasePath = "/v3/directline";

    public static WebApplication MapDirectLine(this WebApplication app)
    {
        app.UseWebSockets();
        app.UseCors();

        var directLine = app.MapGroup(BasePath)
            .RequireCors(CorsPolicy)
            .WithTags("DirectLine")
            .AddEndpointFilter(async (context, next) =>
            {
                // Bodies carry tokens and private conversations: no cache may keep them.
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                return await next(context);
            });
        directLine.MapPost("/tokens/generate", GenerateTokenAsync);
        directLine.MapPost("/tokens/refresh", RefreshTokenAsync);
        directLine.MapPost("/conversations", StartConversationAsync);
        directLine.MapGet("/conversations/{conversationId}", ReconnectAsync);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        directLine.MapGet("/conversations/{conversationId}/stream", StreamAsync);

        app.MapPost("/api/webchat/token", WebChatTokenAsync).WithTags("DirectLine");
        return app;
    }

    /// <summary>Server-to-server: a secret buys a token for a new conversation (and the given or a new user id).</summary>
    private static async Task<IResult> GenerateTokenAsync(HttpRequest request, DirectLineAuthorizer auth, DirectLineTokens tokens, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        if (!auth.IsSecret(DirectLineHttp.Bearer(request)))
        {
            return DirectLineHttp.Error(401, "Unauthorized", "需要有效的 Direct Line 密钥。");
        }
        var (body, error) = await DirectLineHttp.ReadJsonAsync(request, options.Value.MaxActivityBytes, new TokenParameters(null), ct);
        if (error is not null)
        {
            return error;
        }
        var user = body!.User;
        if (InvalidUserId(user?.Id) is { } invalid)
        {
            return invalid;
        }
        var grant = tokens.Grant(TokenPurpose.Conversation, NewId(16), user?.Id ?? FamilyDevices.NewUserId(), user?.Name, options.Value.TokenLifetime);
        return Json(new Conversation(grant.ConversationId, await tokens.IssueAsync(grant, ct), Seconds(options.Value.TokenLifetime), null));
    }

    private static async Task<IResult> RefreshTokenAsync(HttpRequest request, DirectLineAuthorizer auth, DirectLineTokens tokens, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        var (current, failure) = await auth.AuthorizeAsync(DirectLineHttp.Bearer(request), TokenPurpose.Conversation, null, ct);
        if (failure is not null)
        {
            return failure;
        }
        var grant = tokens.Grant(TokenPurpose.Conversation, current!.ConversationId, current.UserId, current.UserName, options.Value.TokenLifetime);
        return Json(new Conversation(grant.ConversationId, await tokens.IssueAsync(grant, ct), Seconds(options.Value.TokenLifetime), null));
    }

    /// <summary>201 when the conversation is new, 200 when the token's conversation was started before.</summary>
    private static async Task<IResult> StartConversationAsync(
        HttpRequest request, DirectLineAuthorizer auth, DirectLineTokens tokens, DirectLineStore store, IOptions<DirectLineOptions> options, TimeProvider time, CancellationToken ct)
    {
        var credential = DirectLineHttp.Bearer(request);
        DirectLineToken grant;
        string token;
        if (auth.IsSecret(credential))
        {
            var (body, error) = await DirectLineHttp.ReadJsonAsync(request, options.Value.MaxActivityBytes, new TokenParameters(null), ct);
            if (error is not null)
            {
                return error;
            }
            if (InvalidUserId(body!.User?.Id) is { } invalid)
            {
                return invalid;
            }
            grant = tokens.Grant(TokenPurpose.Conversation, NewId(16), body.User?.Id ?? FamilyDevices.NewUserId(), body.User?.Name, options.Value.TokenLifetime);
            token = await tokens.IssueAsync(grant, ct);
        }
        else
        {
            // With a token the body's user is ignored: the token already names the user.
            var (granted, failure) = await auth.AuthorizeAsync(credential, TokenPurpose.Conversation, null, ct);
            if (failure is not null)
            {
                return failure;
            }
            (grant, token) = (granted!, credential!);
        }
        var created = await store.EnsureConversationAsync(grant.ConversationId, grant.UserId, ct);
        var response = new Conversation(grant.ConversationId, token, Remaining(grant, time), await StreamUrlAsync(request, tokens, options.Value, grant, 0, ct));
        return Json(response, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>The client calls this after a dropped WebSocket, for a fresh streamUrl resuming at its watermark.</summary>
    private static async Task<IResult> ReconnectAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineAuthorizer auth, DirectLineTokens tokens, DirectLineStore store, IOptions<DirectLineOptions> options, TimeProvider time, CancellationToken ct)
    {
        var (token, failure) = await AuthorizeConversationAsync(conversationId, request, auth, store, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (!ActivitySetWriter.TryParseWatermark(watermark, out var after))
        {
            return BadWatermark();
        }
        return Json(new Conversation(conversationId, DirectLineHttp.Bearer(request)!, Remaining(token!, time), await StreamUrlAsync(request, tokens, options.Value, token!, after, ct)));
    }

    private static async Task<IResult> GetActivitiesAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineAuthorizer auth, DirectLineStore store, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        var (_, failure) = await AuthorizeConversationAsync(conversationId, request, auth, store, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (!ActivitySetWriter.TryParseWatermark(watermark, out var after))
        {
            return BadWatermark();
        }
        var page = await store.ListAsync(conversationId, after, options.Value.PageSize, ct);
        return Results.Bytes(ActivitySetWriter.Write(page, page.Count > 0 ? page[^1].Sequence : after), "application/json; charset=utf-8");
    }

    private static async Task<IResult> PostActivityAsync(
        string conversationId, HttpRequest request, DirectLineAuthorizer auth, DirectLineStore store, DirectLineConversations conversations,
        UserRateLimiter limiter, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        var (token, failure) = await AuthorizeConversationAsync(conversationId, request, auth, store, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (limiter.TryAcquire(ChannelNames.DirectLine, token!.UserId) is { } wait)
        {
            UserRateLimiter.SetRetryAfter(request.HttpContext.Response, wait);
            return DirectLineHttp.Error(429, "TooManyRequests", "发送太频繁了，请稍等一会儿再发。");
        }
        var (activity, error) = await DirectLineHttp.ReadJsonAsync<Activity>(request, options.Value.MaxActivityBytes, null, ct);
        if (error is not null)
        {
            return error;
        }
        if (string.IsNullOrWhiteSpace(activity!.Type))
        {
            return DirectLineHttp.Error(400, "MissingProperty", "活动缺少 type 字段。");
        }
        if (ActivityReader.UnreadableField(activity) is { } field)
        {
            return DirectLineHttp.Error(400, "BadArgument", $"{field} 含有无效的 Unicode 文本。");
        }
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke))
        {
            // Typing indicators and client events have no meaning for this bot; acknowledging them keeps clients happy.
            return Json(new ResourceResponse($"{conversationId}|{NewId(8)}"));
        }
        var outcome = await conversations.PostAsync(conversationId, token!, activity, ct);
        return outcome.BotFailed
            ? DirectLineHttp.Error(502, "BotRejectedActivity", "机器人未能处理这条消息。")
            : Json(new ResourceResponse(outcome.ActivityId));
    }

    /// <summary>The streamUrl's own short-lived token is accepted in the query (browsers cannot set headers on a
    /// WebSocket); a conversation token in the Authorization header works for other clients.</summary>
    private static async Task<IResult> StreamAsync(
        string conversationId, string? watermark, string? t, HttpContext context, DirectLineAuthorizer auth, DirectLineStore store, DirectLineStream stream, CancellationToken ct)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineHttp.Error(400, "BadArgument", "此地址只接受 WebSocket 连接。");
        }
        var (_, failure) = t is not null
            ? await auth.AuthorizeAsync(t, TokenPurpose.Stream, conversationId, ct)
            : await auth.AuthorizeAsync(DirectLineHttp.Bearer(context.Request), TokenPurpose.Conversation, conversationId, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (await store.FindConversationAsync(conversationId, ct) is null)
        {
            return ConversationNotFound();
        }
        if (!ActivitySetWriter.TryParseWatermark(watermark, out var after))
        {
            return BadWatermark();
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await stream.RunAsync(socket, conversationId, after, ct);
        return Results.Empty;
    }

    /// <summary>For the family web page: a token for this browser's lasting user (<see cref="FamilyDevices"/>, a new one on
    /// the first visit) and the conversation it last spoke in, so earlier messages and the notices sent since are there
    /// again. No secret reaches the browser; one indexed read, and nothing is written until the page starts talking.</summary>
    private static async Task<IResult> WebChatTokenAsync(HttpContext context, FamilyDevices devices, DirectLineTokens tokens, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        var userId = devices.Read(context.Request);
        var conversationId = userId is null ? null : await devices.LastConversationAsync(userId, ct);
        userId ??= FamilyDevices.NewUserId();
        devices.Write(context, userId);
        var grant = tokens.Grant(TokenPurpose.Conversation, conversationId ?? NewId(16), userId, null, options.Value.TokenLifetime);
        context.Response.Headers.CacheControl = "no-store";
        return Json(new WebChatToken(grant.ConversationId, await tokens.IssueAsync(grant, ct), grant.UserId, Seconds(options.Value.TokenLifetime), Resume: conversationId is not null));
    }

    private static async Task<(DirectLineToken? Token, IResult? Failure)> AuthorizeConversationAsync(
        string conversationId, HttpRequest request, DirectLineAuthorizer auth, DirectLineStore store, CancellationToken ct)
    {
        var (token, failure) = await auth.AuthorizeAsync(DirectLineHttp.Bearer(request), TokenPurpose.Conversation, conversationId, ct);
        if (failure is not null)
        {
            return (null, failure);
        }
        return await store.FindConversationAsync(conversationId, ct) is null ? (null, ConversationNotFound()) : (token, null);
    }

    private static async Task<string> StreamUrlAsync(HttpRequest request, DirectLineTokens tokens, DirectLineOptions options, DirectLineToken token, long watermark, CancellationToken ct)
    {
        var streamToken = await tokens.IssueAsync(tokens.Grant(TokenPurpose.Stream, token.ConversationId, token.UserId, null, options.StreamTokenLifetime), ct);
        var scheme = request.IsHttps ? "wss" : "ws";
        return $"{scheme}://{request.Host}{request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(token.ConversationId)}/stream?watermark={watermark}&t={Uri.EscapeDataString(streamToken)}";
    }

    private static IResult? InvalidUserId(string? userId) => userId is not null && (userId.Length is 0 or > 128 || userId.Any(char.IsControl))
        ? DirectLineHttp.Error(400, "BadArgument", "user.id 必须是 1–128 个可见字符。")
        : null;

    private static IResult ConversationNotFound() => DirectLineHttp.Error(404, "NotFound", "会话不存在。");

    private static IResult BadWatermark() => DirectLineHttp.Error(400, "BadArgument", "watermark 无效。");

    private static string NewId(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));


    /// <summary>Direct Line bodies omit absent fields rather than sending nulls.</summary>
    private static IResult Json<T>(T value, int status = StatusCodes.Status200OK) => Results.Json(value, BotJson.Options, statusCode: status);

    private static int Seconds(TimeSpan span) => (int)span.TotalSeconds;

    private static int Remaining(DirectLineToken token, TimeProvider time) => Math.Max(0, (int)(token.ExpiresAt - time.GetUtcNow()).TotalSeconds);

    private sealed record TokenParameters(ChannelAccount? User);

    private sealed record Conversation(string ConversationId, string Token, [property: JsonPropertyName("expires_in")] int ExpiresIn, string? StreamUrl);

    /// <param name="Resume">The conversation was used before: the page opens it at once to show what is there.</param>
    private sealed record WebChatToken(string ConversationId, string Token, string UserId, [property: JsonPropertyName("expires_in")] int ExpiresIn, bool Resume);
}
