using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HuaXin.Bot.DingTalk.Sending;
using HuaXin.Bot.Messaging;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.DingTalk.OpenApi;

/// <summary>The service's outbound DingTalk calls: OpenAPI group and one-to-one sends, session-webhook replies, and
/// resolving a console sign-in to a staff id. Retries, backoff and the circuit breaker sit in the HttpClient's resilience handler (see DingTalkResilience).</summary>
public sealed class DingTalkApiClient(HttpClient http, AccessTokenCache tokens, IOptionsMonitor<DingTalkOptions> options, ILogger<DingTalkApiClient> logger)
{
    private const string TokenHeader = "x-acs-dingtalk-access-token";
    private const int ApiCountLimitErrcode = 90020;

    /// <summary>Sends to a group the robot is in; <paramref name="openConversationId"/> is the group's conversationId.</summary>
    public async Task SendToGroupAsync(string openConversationId, DingTalkMessage message, string? robotCode, CancellationToken cancellationToken)
    {
        var body = new GroupSendRequest(message.MsgParam(), message.MsgKey, RobotCode(robotCode), openConversationId);
        using var response = await PostAsync("v1.0/robot/groupMessages/send", body, cancellationToken);
    }

    /// <summary>Sends to staff members one-to-one (at most 20 per call, as DingTalk allows). DingTalk answers 200 even
    /// when it held back some recipients (flowControlledStaffIdList: try again later) or could not reach them
    /// (invalidStaffIdList: never); neither counts as delivered.</summary>
    public async Task SendToUsersAsync(IReadOnlyList<string> staffIds, DingTalkMessage message, string? robotCode, CancellationToken cancellationToken)
    {
        foreach (var batch in staffIds.Chunk(20))
        {
            var body = new OneToOneSendRequest(RobotCode(robotCode), batch, message.MsgKey, message.MsgParam());
            using var response = await PostAsync("v1.0/robot/oToMessages/batchSend", body, cancellationToken);
            var result = await ReadJsonAsync<OneToOneSendResponse>(response, cancellationToken);
            if (result?.InvalidStaffIdList is { Count: > 0 } invalid)
            {
                throw new PermanentDeliveryException($"DingTalk cannot message {invalid.Count} of {batch.Length} staff id(s) one-to-one (invalidStaffIdList).");
            }
            if (result?.FlowControlledStaffIdList is { Count: > 0 } held)
            {
                throw new DingTalkApiException($"DingTalk held back {held.Count} of {batch.Length} recipient(s) (flowControlledStaffIdList); sending again later.");
            }
        }
    }

    /// <summary>Replies through a session webhook. Returns false when DingTalk refuses it (expired or invalid session),
    /// so the caller can fall back to the OpenAPI; throttling and outages throw and are retried.</summary>
    public async Task<bool> SendToWebhookAsync(string webhook, DingTalkMessage message, IReadOnlyList<string> atUserIds, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(webhook, message.WebhookBody(atUserIds), MessagingJson.Options, cancellationToken);
        if (await DingTalkThrottling.IsTransientAsync(response))
        {
            throw new DingTalkApiException($"Session webhook answered {(int)response.StatusCode} (throttled or unavailable).");
        }
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Session webhook refused with HTTP {Status}", (int)response.StatusCode);
            return false;
        }
        var result = await response.Content.ReadFromJsonAsync<WebhookResponse>(MessagingJson.Options, cancellationToken);
        if (result is { Errcode: not 0 })
        {
            logger.LogWarning("Session webhook refused with errcode {Errcode}", result.Errcode);
            return false;
        }
        return true;
    }

    /// <summary>The staff id (userid) of the person who signed in on DingTalk's page and came back with
    /// <paramref name="authCode"/>, or null when DingTalk does not confirm them as a member of the organisation.</summary>
    public async Task<string?> UserIdFromAuthCodeAsync(string authCode, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        // 1. The code (single use, minutes long) for the user's own token.
        using var tokenResponse = await http.PostAsJsonAsync("v1.0/oauth2/userAccessToken",
            new UserTokenRequest(settings.AppKey!, settings.AppSecret!, authCode, "authorization_code"), MessagingJson.Options, cancellationToken);
        var userToken = tokenResponse.IsSuccessStatusCode
            ? (await tokenResponse.Content.ReadFromJsonAsync<TokenResponse>(MessagingJson.Options, cancellationToken))?.AccessToken
            : null;
        if (string.IsNullOrEmpty(userToken))
        {
            logger.LogWarning("DingTalk refused a sign-in code ({Status})", (int)tokenResponse.StatusCode);
            return null;
        }
        // 2. Who that is: DingTalk answers with the person's unionId, not the organisation's userid.
        using var me = new HttpRequestMessage(HttpMethod.Get, "v1.0/contact/users/me");
        me.Headers.Add(TokenHeader, userToken);
        using var meResponse = await http.SendAsync(me, cancellationToken);
        var unionId = meResponse.IsSuccessStatusCode
            ? (await meResponse.Content.ReadFromJsonAsync<UserProfile>(MessagingJson.Options, cancellationToken))?.UnionId
            : null;
        if (string.IsNullOrEmpty(unionId))
        {
            return null;
        }
        // 3. The userid in this organisation, with the app's own token; staff are configured by userid.
        var appToken = await tokens.GetAsync(RequestTokenAsync, cancellationToken);
        var lookup = new Uri(settings.OapiBaseUrl, $"topapi/user/getbyunionid?access_token={Uri.EscapeDataString(appToken)}");
        using var lookupResponse = await http.PostAsJsonAsync(lookup, new { unionid = unionId }, MessagingJson.Options, cancellationToken);
        var found = lookupResponse.IsSuccessStatusCode
            ? await lookupResponse.Content.ReadFromJsonAsync<UnionIdLookup>(MessagingJson.Options, cancellationToken)
            : null;
        return found is { Errcode: 0, Result.Userid: { Length: > 0 } userId } ? userId : null;
    }

    /// <summary>Posts with the app's token; returns the (successful) response for the caller to read.</summary>
    private async Task<HttpResponseMessage> PostAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(RequestTokenAsync, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: MessagingJson.Options) };
        request.Headers.Add(TokenHeader, token);
        var response = await http.SendAsync(request, cancellationToken);
        try
        {
            // Checked before success: throttling can come as HTTP 200 with errcode 90002.
            if (await DingTalkThrottling.IsTransientAsync(response))
            {
                throw new DingTalkApiException($"DingTalk {path} still throttled or unavailable after retries ({(int)response.StatusCode}).");
            }
            if (response.IsSuccessStatusCode)
            {
                return response;
            }
            var error = await ReadJsonAsync<ApiError>(response, cancellationToken);
            if (error?.Code is "Forbidden.AccessDenied.ApiCountLimitForOrg" || error?.Errcode == ApiCountLimitErrcode)
            {
                // The organisation's monthly call quota: nothing this month succeeds by retrying within minutes.
                logger.LogError("DingTalk's monthly API quota of the organisation is used up; messages are parked until it is raised");
                throw new PermanentDeliveryException($"DingTalk {path}: the organisation's monthly API quota is used up ({error.Code ?? error.Errcode?.ToString()}).");
            }
            // A token DingTalk no longer takes (secret rotated, token revoked) says so with HTTP 400 InvalidAuthentication
            // as well as 401/403: fetch a new one and send again, rather than giving up on every message.
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || error?.Code == "InvalidAuthentication")
            {
                tokens.Invalidate();
                throw new DingTalkApiException($"DingTalk refused the access token on {path} ({(int)response.StatusCode} {error?.Code}).");
            }
            // 400 with a code such as invalidParameter.robotCode.notExsit or bot.stopped: sending again cannot help.
            throw new PermanentDeliveryException($"DingTalk {path} rejected the message: {(int)response.StatusCode} {error?.Code ?? error?.Errcode?.ToString()} {error?.Message ?? error?.Errmsg}");
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The body as <typeparamref name="T"/>, or null when it is empty or not that JSON (a proxy's page).</summary>
    private static async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(MessagingJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<AccessToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var response = await http.PostAsJsonAsync("v1.0/oauth2/accessToken", new TokenRequest(settings.AppKey!, settings.AppSecret!), MessagingJson.Options, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new DingTalkApiException($"DingTalk access token request failed with {(int)response.StatusCode}.");
        }
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(MessagingJson.Options, cancellationToken);
        if (string.IsNullOrEmpty(token?.AccessToken))
        {
            throw new DingTalkApiException("DingTalk access token response had no accessToken.");
        }
        return new AccessToken(token.AccessToken, TimeSpan.FromSeconds(token.ExpireIn));
    }

    private string RobotCode(string? fromMessage)
    {
        var settings = options.CurrentValue;
        return fromMessage ?? settings.RobotCode ?? settings.AppKey ?? throw new PermanentDeliveryException("No DingTalk robot code configured.");
    }

    private sealed record TokenRequest(string AppKey, string AppSecret);

    private sealed record UserTokenRequest(string ClientId, string ClientSecret, string Code, string GrantType);

    private sealed record UserProfile(string? UnionId, string? Nick);

    private sealed record UnionIdLookup(int Errcode, UnionIdResult? Result);

    private sealed record UnionIdResult(string? Userid);

    private sealed record TokenResponse(string? AccessToken, int ExpireIn);

    private sealed record GroupSendRequest(string MsgParam, string MsgKey, string RobotCode, string OpenConversationId);

    private sealed record OneToOneSendRequest(string RobotCode, IReadOnlyList<string> UserIds, string MsgKey, string MsgParam);

    private sealed record WebhookResponse(int Errcode, string? Errmsg);

    private sealed record OneToOneSendResponse(string? ProcessQueryKey, IReadOnlyList<string>? InvalidStaffIdList, IReadOnlyList<string>? FlowControlledStaffIdList);

    /// <summary>New API errors carry code/message, old ones errcode/errmsg.</summary>
    private sealed record ApiError(string? Code, string? Message, int? Errcode, string? Errmsg);
}
