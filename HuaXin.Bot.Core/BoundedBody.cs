using System.Buffers;
using System.Text.Json;

namespace HuaXin.Bot.Core;

/// <summary>What reading a request body gave; each endpoint answers the failures in its own protocol's error shape.</summary>
public enum BodyStatus
{
    Ok,

    /// <summary>No bytes at all.</summary>
    Empty,

    /// <summary>More than the limit, by Content-Length or while reading; the rest is not read.</summary>
    TooLarge,

    /// <summary>Not the JSON that was asked for (<see cref="BodyRead{T}.Error"/> says why, or is null for a JSON null).</summary>
    Malformed,
}

/// <param name="Bytes">The body when <see cref="BodyStatus.Ok"/>; empty otherwise.</param>
public readonly record struct BodyRead(BodyStatus Status, ReadOnlyMemory<byte> Bytes);

/// <param name="Error">For <see cref="BodyStatus.Malformed"/>: the parser's message, or null when the body was JSON null.</param>
public readonly record struct BodyRead<T>(BodyStatus Status, T? Value, string? Error = null);

/// <summary>The one reader of channel and API request bodies: at most a limit of bytes, so an oversized body is refused
/// before anything is parsed or stored.</summary>
public static class BoundedBody
{
    public static async Task<BodyRead> ReadAsync(Stream body, long? contentLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (contentLength > maxBytes)
        {
            return new BodyRead(BodyStatus.TooLarge, default);
        }
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(16 * 1024), cancellationToken);
            if (read == 0)
            {
                return new BodyRead(buffer.WrittenCount == 0 ? BodyStatus.Empty : BodyStatus.Ok, buffer.WrittenMemory);
            }
            buffer.Advance(read);
            // Chunked bodies carry no Content-Length: stop reading as soon as the limit is passed.
            if (buffer.WrittenCount > maxBytes)
            {
                return new BodyRead(BodyStatus.TooLarge, default);
            }
        }
    }

    public static async Task<BodyRead<T>> ReadJsonAsync<T>(Stream body, long? contentLength, int maxBytes, JsonSerializerOptions options,
        CancellationToken cancellationToken) where T : class
    {
        var read = await ReadAsync(body, contentLength, maxBytes, cancellationToken);
        if (read.Status != BodyStatus.Ok)
        {
            return new BodyRead<T>(read.Status, null);
        }
        try
        {
            // A property named twice is malformed here, where it gets a 400: read straight into a JsonObject it would
            // throw only when first looked up, deep in a turn.
            using var document = JsonDocument.Parse(read.Bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
            var value = document.RootElement.Deserialize<T>(options);
            return value is null ? new BodyRead<T>(BodyStatus.Malformed, null) : new BodyRead<T>(BodyStatus.Ok, value);
        }
        catch (Exception e) when (IsMalformedJson(e))
        {
            return new BodyRead<T>(BodyStatus.Malformed, null, e.Message);
        }
    }

    /// <summary>Whether System.Text.Json refused the body: a JsonException, or the InvalidOperationException it throws
    /// for a property name that is not valid text (a lone surrogate escape such as "\udded", unescaped when names are
    /// compared for duplicates). Either way the body is malformed, not the server broken.</summary>
    public static bool IsMalformedJson(Exception e) =>
        e is JsonException
        || (e is InvalidOperationException && e.Source?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true
            && e.Message.Contains("invalid UTF-16", StringComparison.Ordinal));
}
