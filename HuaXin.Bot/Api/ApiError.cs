namespace HuaXin.Bot.Api;

/// <summary>The error body of every JSON API: a stable code and a message in Chinese and English.</summary>
public sealed record ApiError(string Error, string Message)
{
    public static IResult BadRequest(string code, string message) => Results.Json(new ApiError(code, message), statusCode: StatusCodes.Status400BadRequest);

    public static IResult Unauthorized(string message) => Results.Json(new ApiError("unauthorized", message), statusCode: StatusCodes.Status401Unauthorized);

    public static IResult Forbidden(string message) => Results.Json(new ApiError("forbidden", message), statusCode: StatusCodes.Status403Forbidden);

    public static readonly IResult NotJson = BadRequest("invalid_json", "请求内容不是有效的 JSON。/ The request body is not valid JSON.");

    public static readonly IResult TooLarge = Results.Json(
        new ApiError("too_large", "请求内容过大。/ The request body is too large."), statusCode: StatusCodes.Status413PayloadTooLarge);
}
