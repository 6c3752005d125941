using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HuaXin.Bot.Core;

/// <summary>Builds the idempotency key of every outbound message (outbox rows, replies, notices). Keys reach HTTP
/// headers (the Connector's Idempotency-Key) and key columns, so they are printable ASCII of bounded length: parts are
/// joined with ':', any character outside printable ASCII (a department's Chinese name, a space, '%') is written as
/// %XX of its UTF-8 bytes, and a key longer than <see cref="MaxLength"/> becomes its SHA-256. Same parts, same key.</summary>
public static class OutboxKey
{
    /// <summary>The length of the key columns (outbox, inbound messages).</summary>
    public const int MaxLength = 300;

    public static string Of(params ReadOnlySpan<object> parts)
    {
        var key = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                key.Append(':');
            }
            Append(key, parts[i] is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : parts[i].ToString() ?? "");
        }
        return key.Length <= MaxLength
            ? key.ToString()
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key.ToString())));
    }

    private static void Append(StringBuilder key, string part)
    {
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (c is > ' ' and < '\x7f' and not '%')
            {
                key.Append(c);
                continue;
            }
            // A surrogate pair is one character of four UTF-8 bytes; a lone surrogate encodes as U+FFFD.
            var length = char.IsSurrogatePair(part, i)
                ? Encoding.UTF8.GetBytes(part.AsSpan(i++, 2), bytes)
                : Encoding.UTF8.GetBytes(char.IsSurrogate(c) ? "\uFFFD" : c.ToString(), bytes);
            foreach (var b in bytes[..length])
            {
                key.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
    }
}
