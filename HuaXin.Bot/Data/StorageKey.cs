using System.Security.Cryptography;
using System.Text;

namespace HuaXin.Bot.Data;

/// <summary>Keys built from what channels send (message, user and activity ids) in a form every provider stores:
/// PostgreSQL enforces the column length and refuses text holding NUL, where SQLite took anything. A key that does
/// not fit is replaced by its SHA-256, so the same input still finds the same row.</summary>
public static class StorageKey
{
    /// <summary>The length of the key columns of HuaXinDbContext (inbound messages, outbox, states, references).</summary>
    public const int MaxLength = 300;

    public static string Fit(string key, int maxLength = MaxLength) =>
        key.Length <= maxLength && !key.Contains('\0')
            ? key
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
