using System.Text.Json;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Security;

namespace HuaXin.Bot.Api;

public sealed record ChatRequest(string? ConversationId, string? UserId, string? UserName, string? Text, Dictionary<string, JsonElement>? Value, string? Locale);

public sealed record ChatResponse(IReadOnlyList<OutboundMessage> Messages);

/// <summary>POST /api/chat: a plain JSON channel for integrations and tests; one turn in, that turn's messages out.</summary>
public static class ChatEndpoint
{
    private const int MaxIdLength = 200;

    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", HandleAsync)
            .WithName("Chat")
            .WithSummary("Run one conversation turn; returns the bot's messages with cards in their neutral form.")
            .Accepts<ChatRequest>("application/json")
            .Produces<ChatResponse>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, ITurnHandler bot, UserRateLimiter limiter, TimeProvider time, CancellationToken cancellationToken)
    {
        if (ApiKeyCheck.Check(context) is { } denied)
        {
            return denied;
        }
        var (body, error) = await JsonBody.ReadAsync<ChatRequest>(context.Request, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        if (string.IsNullOrWhiteSpace(body!.ConversationId) || string.IsNullOrWhiteSpace(body.UserId)
            || body.ConversationId.Length > MaxIdLength || body.UserId.Length > MaxIdLength
            || body.UserId.Any(char.IsControl))
        {
            // Conversation ids only ever become hashed storage keys; a user id also reaches query parameters, which
            // PostgreSQL refuses when they hold NUL.
            return ApiError.BadRequest("invalid_ids", "conversationId 和 userId 必填，不超过 200 字符；userId 不含控制字符。/ conversationId and userId are required (at most 200 characters); userId holds no control characters.");
        }
        if (string.IsNullOrEmpty(body.Text) && (body.Value is null || body.Value.Count == 0))
        {
            return ApiError.BadRequest("empty_turn", "text 或 value 至少填写一个。/ Either text or value is required.");
        }
        if (limiter.TryAcquire(ChannelNames.Api, body.UserId) is { } wait)
        {
            return UserRateLimiter.TooManyRequests(context, wait);
        }
        Dictionary<string, string>? value;
        try
        {
            value = body.Value?.ToDictionary(kv => kv.Key, kv => kv.Value.ValueKind == JsonValueKind.String ? kv.Value.GetString() ?? "" : kv.Value.GetRawText());
        }
        catch (InvalidOperationException)
        {
            // A JsonElement is decoded on read: a lone surrogate escape ("\uDCA5") fails only here.
            return ApiError.BadRequest("invalid_value", "value 中含有无效字符。/ A value holds invalid characters.");
        }
        var turn = new InboundTurn(ChannelNames.Api, body.ConversationId, body.UserId, body.UserName, body.Text, value, body.Locale ?? "zh-CN", time.GetUtcNow());
        var messages = await bot.HandleAsync(turn, cancellationToken);
        return Results.Ok(new ChatResponse(messages));
    }
}
