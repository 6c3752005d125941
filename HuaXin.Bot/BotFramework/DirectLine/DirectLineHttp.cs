using HuaXin.Bot.Core;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>Request and response plumbing shared by the Direct Line endpoints: Direct Line's error shape
/// <c>{"error":{"code","message"}}</c>, bounded JSON bodies and the bearer credential.</summary>
internal static class DirectLineHttp
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorResponse(new ErrorBody(code, message)), BotJson.Options, statusCode: status);

    public static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> of JSON. An empty body gives <paramref name="whenEmpty"/>;
    /// an oversized or malformed one an error result, before anything is stored.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadJsonAsync<T>(HttpRequest request, int maxBytes, T? whenEmpty, CancellationToken cancellationToken)
        where T : class
    {
        var body = await BoundedBody.ReadJsonAsync<T>(request.Body, request.ContentLength, maxBytes, BotJson.Options, cancellationToken);
        return body.Status switch
        {
            BodyStatus.Ok => (body.Value, null),
            BodyStatus.TooLarge => (null, TooLarge(maxBytes)),
            BodyStatus.Empty => whenEmpty is null ? (null, Error(400, "MissingProperty", "请求体为空：需要 JSON。")) : (whenEmpty, null),
            _ => (null, body.Error is null
                ? Error(400, "BadArgument", "请求体必须是 JSON 对象。")
                : Error(400, "BadArgument", $"请求体不是有效的 JSON：{body.Error}")),
        };
    }

    private static IResult TooLarge(int maxBytes) => Error(413, "MessageSizeTooBig", $"请求体超过 {maxBytes} 字节上限。");

    private sealed record ErrorResponse(ErrorBody Error);

    private sealed record ErrorBody(string Code, string Message);
}
