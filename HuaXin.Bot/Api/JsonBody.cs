using System.Text.Json;

namespace HuaXin.Bot.Api;

/// <summary>Reads a small JSON body ourselves so every malformed request gets our clear 400 instead of a framework error.</summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, ApiError.TooLarge);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return (null, ApiError.TooLarge);
            }
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), JsonSerializerOptions.Web);
            return value is null ? (null, ApiError.NotJson) : (value, null);
        }
        catch (JsonException)
        {
            return (null, ApiError.NotJson);
        }
    }
}
