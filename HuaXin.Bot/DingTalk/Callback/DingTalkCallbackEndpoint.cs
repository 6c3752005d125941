using HuaXin.Bot.Core;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.DingTalk.Callback;

/// <summary>POST /api/dingtalk/callback: DingTalk's HTTP delivery of robot messages.
/// Verifies, stores and answers 200 at once; the reply goes out later through the outbox.</summary>
public static class DingTalkCallbackEndpoint
{
    public const string Path = "/api/dingtalk/callback";

    public static IEndpointRouteBuilder MapDingTalkCallback(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, DingTalkInbound inbound, IOptionsMonitor<DingTalkOptions> options,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var logger = loggers.CreateLogger(typeof(DingTalkCallbackEndpoint));
        // Headers are checked before the body is read, so unsigned traffic costs nothing and learns nothing.
        if (!DingTalkSignature.Verify(settings.AppSecret!, request.Headers["timestamp"], request.Headers["sign"], time.GetUtcNow(), settings.CallbackTimestampWindow, settings.CallbackClockSkew))
        {
            logger.LogWarning("DingTalk callback rejected: bad signature or timestamp");
            return Results.Problem("Invalid DingTalk signature or timestamp.", statusCode: StatusCodes.Status401Unauthorized);
        }
        var body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, settings.MaxCallbackBytes, cancellationToken);
        if (body.Status == BodyStatus.TooLarge)
        {
            return Results.Problem($"The body exceeds {settings.MaxCallbackBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        RobotMessage message;
        try
        {
            message = RobotMessageParser.Parse(body.Bytes.Span);
        }
        catch (RobotMessageFormatException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        await inbound.AcceptAsync(message, cancellationToken);
        // DingTalk only needs 200; the answer is sent through the session webhook or the OpenAPI.
        return Results.Ok();
    }
}
