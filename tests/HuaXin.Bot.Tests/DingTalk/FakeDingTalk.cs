using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HuaXin.Bot.Tests.DingTalk;

/// <summary>A local DingTalk on 127.0.0.1 (real Kestrel, free port): OpenAPI token and robot send endpoints, session webhooks,
/// and the Stream gateway (connections/open + WebSocket), with fault injection.</summary>
public sealed class FakeDingTalk : IAsyncDisposable
{
    public const string AppKey = "ding-test-key";
    public const string AppSecret = "test-secret-1234567890";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _tickets = new();
    private readonly ConcurrentDictionary<string, string> _authCodes = new();
    private int _ticketCount;
    private int _tokenCount;
    private int _revokedUpTo;

    private TaskCompletionSource _sentChanged = NewSignal();

    /// <summary>Every message that reached a user or group: webhook replies and OpenAPI sends.</summary>
    public ConcurrentQueue<SentMessage> AllSent { get; } = new();

    /// <summary>Faults served, one per request, by the OpenAPI robot send endpoints and the webhook before they succeed.</summary>
    public ConcurrentQueue<Fault> Faults { get; } = new();

    /// <summary>Sessions whose webhook answers "expired".</summary>
    public ConcurrentDictionary<string, bool> ExpiredSessions { get; } = new();

    /// <summary>Who is signed in to DingTalk in "the browser" that opens the sign-in page; null: nobody, the page refuses.</summary>
    public string? SignedInUser { get; set; }

    /// <summary>Each accepted Stream WebSocket.</summary>
    public Channel<GatewaySocket> Connections { get; } = Channel.CreateUnbounded<GatewaySocket>();

    private GatewaySocket? _latest;

    public int TokenRequests => _tokenCount;

    /// <summary>Where connections/open sends the client (a relay in front of the gateway); the gateway itself when null.</summary>
    public Uri? StreamEndpoint { get; set; }

    /// <summary>Every access token issued so far stops working (the app secret was rotated): sends answer 400 InvalidAuthentication.</summary>
    public void RevokeTokens() => Interlocked.Exchange(ref _revokedUpTo, _tokenCount);

    public int TicketsIssued => _ticketCount;

    public Uri BaseUrl { get; private set; } = null!;

    private FakeDingTalk(WebApplication app) => _app = app;

    public static async Task<FakeDingTalk> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDingTalk(app);
        fake.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    public string WebhookUrl(string session) => new Uri(BaseUrl, $"robot/sendBySession?session={session}").ToString();

    private void Map(WebApplication app)
    {
        app.UseWebSockets();
        app.MapPost("/v1.0/oauth2/accessToken", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            if ((string?)body?["appKey"] != AppKey || (string?)body?["appSecret"] != AppSecret)
            {
                return Results.Json(new { code = "invalidClientIdOrSecret" }, statusCode: 400);
            }
            var n = Interlocked.Increment(ref _tokenCount);
            return Results.Json(new { accessToken = $"token-{n}", expireIn = 7200 });
        });
        // OAuth 2.0 sign-in: the page sends the signed-in user straight back with a single-use code, as DingTalk does
        // after the consent tap; the code buys a user token, the token a unionId, the unionId (with the app token) a userid.
        app.MapGet("/oauth2/auth", (string? redirect_uri, string? response_type, string? client_id, string? scope, string? state) =>
        {
            if (client_id != AppKey || response_type != "code" || scope != "openid" || redirect_uri is null || SignedInUser is null)
            {
                return Results.BadRequest();
            }
            var code = "code-" + Guid.NewGuid().ToString("N");
            _authCodes[code] = SignedInUser;
            return Results.Redirect($"{redirect_uri}?authCode={code}&state={Uri.EscapeDataString(state ?? "")}");
        });
        app.MapPost("/v1.0/oauth2/userAccessToken", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            if ((string?)body?["clientId"] != AppKey || (string?)body?["clientSecret"] != AppSecret || (string?)body?["grantType"] != "authorization_code"
                || !_authCodes.TryRemove((string?)body?["code"] ?? "", out var user))
            {
                return Results.Json(new { code = "invalidAuthCode", message = "code invalid or used" }, statusCode: 400);
            }
            return Results.Json(new { accessToken = "user-token-" + user, refreshToken = "refresh-" + user, expireIn = 7200 });
        });
        app.MapGet("/v1.0/contact/users/me", (HttpRequest request) =>
        {
            var token = request.Headers["x-acs-dingtalk-access-token"].ToString();
            return token.StartsWith("user-token-", StringComparison.Ordinal)
                ? Results.Json(new { nick = "钉钉用户", unionId = "union-" + token["user-token-".Length..], openId = "open-" + token["user-token-".Length..] })
                : Results.Json(new { code = "InvalidAuthentication" }, statusCode: 401);
        });
        app.MapPost("/topapi/user/getbyunionid", async (HttpRequest request, string? access_token) =>
        {
            var unionId = (string?)(await JsonNode.ParseAsync(request.Body))?["unionid"];
            if (access_token is null || !access_token.StartsWith("token-", StringComparison.Ordinal))
            {
                return Results.Json(new { errcode = 88, errmsg = "invalid access_token" });
            }
            return unionId is not null && unionId.StartsWith("union-", StringComparison.Ordinal)
                ? Results.Json(new { errcode = 0, errmsg = "ok", result = new { contact_type = 0, userid = unionId["union-".Length..] } })
                : Results.Json(new { errcode = 60121, errmsg = "找不到该用户" });
        });
        app.MapPost("/v1.0/robot/groupMessages/send", (HttpRequest r) => RobotSendAsync(r, "group"));
        app.MapPost("/v1.0/robot/oToMessages/batchSend", (HttpRequest r) => RobotSendAsync(r, "oto"));
        app.MapPost("/robot/sendBySession", async (HttpRequest request, string session) =>
        {
            if (TakeFault() is { } fault)
            {
                return fault.Result();
            }
            if (ExpiredSessions.ContainsKey(session))
            {
                return Results.Json(new { errcode = 300001, errmsg = "session expired" });
            }
            Record(new SentMessage("webhook", session, (await JsonNode.ParseAsync(request.Body))!));
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        app.MapPost("/v1.0/gateway/connections/open", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            if (!request.Headers.Accept.ToString().Contains("application/json"))
            {
                return Results.Content("<xml>Accept: application/json is required</xml>", "application/xml");
            }
            if ((string?)body?["clientId"] != AppKey || (string?)body?["clientSecret"] != AppSecret)
            {
                return Results.Json(new { code = "invalidClientIdOrSecret" }, statusCode: 400);
            }
            var ticket = $"ticket-{Interlocked.Increment(ref _ticketCount)}/{Guid.NewGuid():N}";
            _tickets[ticket] = false;
            var ws = StreamEndpoint ?? new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/connect" }.Uri;
            return Results.Json(new { endpoint = ws.ToString().TrimEnd('/'), ticket });
        });
        app.Map("/connect", async context =>
        {
            // Tickets are single use, as DingTalk's are.
            var ticket = context.Request.Query["ticket"].ToString();
            if (!context.WebSockets.IsWebSocketRequest || !_tickets.TryUpdate(ticket, true, false))
            {
                context.Response.StatusCode = 401;
                return;
            }
            var socket = new GatewaySocket(await context.WebSockets.AcceptWebSocketAsync(), ticket);
            await Connections.Writer.WriteAsync(socket);
            await socket.RunAsync(context.RequestAborted);
        });
    }

    private async Task<IResult> RobotSendAsync(HttpRequest request, string kind)
    {
        var token = request.Headers["x-acs-dingtalk-access-token"].ToString();
        if (!token.StartsWith("token-", StringComparison.Ordinal))
        {
            return Results.Json(new { code = "InvalidAuthentication", message = "token invalid" }, statusCode: 401);
        }
        if (int.TryParse(token["token-".Length..], out var n) && n <= Volatile.Read(ref _revokedUpTo))
        {
            // What the new API answers for a token it no longer takes: HTTP 400, not 401.
            return Results.Json(new { code = "InvalidAuthentication", requestid = "r1", message = "不合法的access_token" }, statusCode: 400);
        }
        var body = (await JsonNode.ParseAsync(request.Body))!;
        if (TakeFault() is { } fault)
        {
            // batchSend's partial answers: 200, with the recipients it held back or could not reach, and nothing delivered.
            return fault switch
            {
                Fault.FlowControlled => Results.Json(new { processQueryKey = "q", flowControlledStaffIdList = body["userIds"], invalidStaffIdList = Array.Empty<string>() }),
                Fault.InvalidStaff => Results.Json(new { processQueryKey = "q", invalidStaffIdList = body["userIds"], flowControlledStaffIdList = Array.Empty<string>() }),
                _ => fault.Result(),
            };
        }
        if (Encoding.UTF8.GetByteCount((string)body["msgParam"]!) > 15_000)
        {
            return Results.Json(new { code = "msgParam.invalid", message = "too long" }, statusCode: 400);
        }
        Record(new SentMessage(kind, (string?)body["openConversationId"] ?? body["userIds"]!.ToJsonString(), body));
        return Results.Json(new { processQueryKey = Guid.NewGuid().ToString("N") });
    }

    /// <summary>The client's live Stream connection: the newest one, waiting for a new one while the newest is closed.</summary>
    /// <remarks>A connection the client is dropping (after an earlier test's fault or disconnect notice) can look open for
    /// a moment, so a connection counts as live only once it has answered a ping.</remarks>
    public async Task<GatewaySocket> LiveConnectionAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            while (Connections.Reader.TryRead(out var newer))
            {
                _latest = newer;
            }
            while (_latest is null || _latest.Closed.IsCompleted)
            {
                _latest = await Connections.Reader.ReadAsync(cancellationToken);
            }
            if (await _latest.AnswersPingAsync(cancellationToken))
            {
                return _latest;
            }
        }
    }

    private Fault? TakeFault() => Faults.TryDequeue(out var fault) ? fault : null;

    private void Record(SentMessage message)
    {
        AllSent.Enqueue(message);
        Interlocked.Exchange(ref _sentChanged, NewSignal()).TrySetResult();
    }

    /// <summary>Waits until a delivered message matches; the token only guards against a hang.</summary>
    public async Task<SentMessage> WaitForSentAsync(Func<SentMessage, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = _sentChanged.Task;
            if (AllSent.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }

    public int CountSent(Func<SentMessage, bool> match) => AllSent.Count(match);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A delivered message: kind "webhook", "group" or "oto"; target = session, openConversationId or userIds.</summary>
public sealed record SentMessage(string Kind, string Target, JsonNode Body)
{
    /// <summary>The visible text, whatever the message shape.</summary>
    public string Text => Kind == "webhook"
        ? (string?)Body["text"]?["content"] ?? (string?)Body["actionCard"]?["text"] ?? (string)Body["markdown"]!["text"]!
        : (string?)Param["content"] ?? (string)Param["text"]!;

    /// <summary>The actionCard's buttons as (title, url), in order; empty for other message types.</summary>
    public IReadOnlyList<(string Title, string Url)> Links => Kind == "webhook"
        ? Body["actionCard"]?["btns"]?.AsArray().Select(b => ((string)b!["title"]!, (string)b["actionURL"]!)).ToList() ?? []
        : Param["singleURL"] is { } single
            ? [((string)Param["singleTitle"]!, (string)single!)]
            : Enumerable.Range(1, 5).TakeWhile(i => Param[$"actionURL{i}"] is not null)
                .Select(i => ((string)Param[$"actionTitle{i}"]!, (string)Param[$"actionURL{i}"]!)).ToList();

    private JsonNode Param => JsonNode.Parse((string)Body["msgParam"]!)!;
}

public enum Fault
{
    /// <summary>API QPS limit: HTTP 200 with errcode 90002.</summary>
    Throttle90002,

    /// <summary>Per-IP ban: {"status":1111,"wait":5,"punish":"deny"}.</summary>
    IpBan,

    TooManyRequests,

    ServerError,

    /// <summary>The new API's QPS limit: HTTP 403 Forbidden.AccessDenied.QpsLimitForApi.</summary>
    QpsLimitForApi,

    /// <summary>The new API's per-app QPS limit: HTTP 403 Forbidden.AccessDenied.QpsLimitForAppkeyAndApi.</summary>
    QpsLimitForAppkeyAndApi,

    /// <summary>The organisation's monthly call quota: Forbidden.AccessDenied.ApiCountLimitForOrg.</summary>
    MonthlyQuota,

    /// <summary>batchSend: 200 with every recipient in flowControlledStaffIdList.</summary>
    FlowControlled,

    /// <summary>batchSend: 200 with every recipient in invalidStaffIdList.</summary>
    InvalidStaff,
}

internal static class FaultResults
{
    public static IResult Result(this Fault fault) => fault switch
    {
        Fault.Throttle90002 => Results.Json(new { errcode = 90002, errmsg = "api qps limit" }),
        Fault.IpBan => Results.Json(new { status = 1111, wait = 5, punish = "deny" }, statusCode: 403),
        Fault.TooManyRequests => Results.StatusCode(429),
        Fault.QpsLimitForApi => Results.Json(new { code = "Forbidden.AccessDenied.QpsLimitForApi", requestid = "r1", message = "调用接口超过QPS限制" }, statusCode: 403),
        Fault.QpsLimitForAppkeyAndApi => Results.Json(new { code = "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", requestid = "r1", message = "应用调用接口超过QPS限制" }, statusCode: 403),
        Fault.MonthlyQuota => Results.Json(new { code = "Forbidden.AccessDenied.ApiCountLimitForOrg", requestid = "r1", message = "本月调用量已超过限制" }, statusCode: 403),
        _ => Results.StatusCode(500),
    };
}

/// <summary>One Stream connection as the gateway sees it: send frames, read what the client answered, drop it.</summary>
public sealed class GatewaySocket(WebSocket socket, string ticket)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public string Ticket => ticket;

    /// <summary>Frames the client sent (acks, pongs).</summary>
    public Channel<JsonNode> Received { get; } = Channel.CreateUnbounded<JsonNode>();

    /// <summary>Completes when the client side closed or the socket was dropped.</summary>
    public Task Closed => _done.Task;

    internal async Task RunAsync(CancellationToken aborted)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, aborted);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                Received.Writer.TryWrite(JsonNode.Parse(message.ToArray())!);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Dropped by the test or the client.
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    public async Task SendAsync(JsonObject frame)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendCallbackAsync(string messageId, string robotMessageJson) => SendAsync(Frame("CALLBACK", "/v1.0/im/bot/messages/get", messageId, robotMessageJson));

    public Task SendPingAsync(string messageId, string opaque) => SendAsync(Frame("SYSTEM", "ping", messageId, JsonSerializer.Serialize(new { opaque })));

    public Task SendDisconnectAsync(string messageId) => SendAsync(Frame("SYSTEM", "disconnect", messageId, JsonSerializer.Serialize(new { reason = "server restart" })));

    /// <summary>True when the client answers a ping on this connection; false when the connection closes first.</summary>
    internal async Task<bool> AnswersPingAsync(CancellationToken cancellationToken)
    {
        var id = "live-" + Guid.NewGuid().ToString("N");
        try
        {
            await SendPingAsync(id, "live");
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            await Closed.WaitAsync(cancellationToken);
            return false;
        }
        var answer = AnswerToAsync(id, cancellationToken);
        return await Task.WhenAny(answer, Closed) == answer && answer.IsCompletedSuccessfully;
    }

    /// <summary>Waits for the client's answer to the frame with <paramref name="messageId"/>.</summary>
    public async Task<JsonNode> AnswerToAsync(string messageId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await Received.Reader.ReadAsync(cancellationToken);
            if ((string?)frame["headers"]?["messageId"] == messageId)
            {
                return frame;
            }
        }
    }

    /// <summary>Kills the connection without a close handshake, like a network failure.</summary>
    public void Drop()
    {
        try
        {
            socket.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The server side of the request has already ended: the connection is gone, which is what Drop wants.
        }
        _done.TrySetResult();
    }

    public static JsonObject Frame(string type, string topic, string messageId, string data) => new()
    {
        ["specVersion"] = "1.0",
        ["type"] = type,
        ["headers"] = new JsonObject
        {
            ["appId"] = "app-1",
            ["connectionId"] = "conn-1",
            ["contentType"] = "application/json",
            ["messageId"] = messageId,
            ["time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(),
            ["topic"] = topic,
        },
        ["data"] = data,
    };
}
