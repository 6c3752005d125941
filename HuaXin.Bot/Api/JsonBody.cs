using System.Text.Json;
using HuaXin.Bot.Core;

namespace HuaXin.Bot.Api;

/// <summary>Reads a small JSON body ourselves so every malformed request gets our clear 400 instead of a framework error.</summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        var body = await BoundedBody.ReadJsonAsync<T>(request.Body, request.ContentLength, MaxBytes, JsonSerializerOptions.Web, cancellationToken);
        return body.Status switch
        {
            BodyStatus.Ok => (body.Value, null),
            BodyStatus.TooLarge => (null, ApiError.TooLarge),
            _ => (null, ApiError.NotJson),
        };
    }
}
