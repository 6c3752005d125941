using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>What a token grants: one conversation, one user, until <see cref="ExpiresAt"/>.</summary>
public sealed record DirectLineToken(TokenPurpose Purpose, string ConversationId, string UserId, string? UserName, DateTimeOffset ExpiresAt);

public enum TokenPurpose
{
    /// <summary>Any call on the conversation.</summary>
    Conversation,
    /// <summary>Only opening the conversation's WebSocket: a leaked streamUrl cannot post as the user.</summary>
    Stream,
}

public enum TokenCheck
{
    Valid,
    Invalid,
    Expired,
}

/// <summary>Issues and checks service-signed tokens: base64url(JSON claims) "." base64url(HMAC-SHA256 of the claims).</summary>
public sealed class DirectLineTokens(DirectLineSigningKeyProvider keys, TimeProvider time)
{
    /// <summary>A grant of <paramref name="lifetime"/> from now, to pass to <see cref="IssueAsync"/>.</summary>
    public DirectLineToken Grant(TokenPurpose purpose, string conversationId, string userId, string? userName, TimeSpan lifetime) =>
        new(purpose, conversationId, userId, userName, time.GetUtcNow().Add(lifetime));

    public async Task<string> IssueAsync(DirectLineToken grant, CancellationToken cancellationToken)
    {
        var claims = new Claims(
            grant.Purpose == TokenPurpose.Stream ? "stream" : "conv",
            grant.ConversationId,
            grant.UserId,
            grant.UserName,
            grant.ExpiresAt.ToUnixTimeSeconds());
        var payload = JsonSerializer.SerializeToUtf8Bytes(claims, TokenJsonContext.Default.Claims);
        var signature = HMACSHA256.HashData(await keys.GetKeyAsync(cancellationToken), payload);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(signature)}";
    }

    public async Task<(TokenCheck Check, DirectLineToken? Token)> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || token.Length > 4096)
        {
            return (TokenCheck.Invalid, null);
        }
        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return (TokenCheck.Invalid, null);
        }
        var expected = HMACSHA256.HashData(await keys.GetKeyAsync(cancellationToken), payload);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return (TokenCheck.Invalid, null);
        }
        // Signed by us, so well-formed; a null here would mean a key compromise, which deserves an exception.
        var claims = JsonSerializer.Deserialize(payload, TokenJsonContext.Default.Claims)!;
        var parsed = new DirectLineToken(
            claims.Purpose == "stream" ? TokenPurpose.Stream : TokenPurpose.Conversation,
            claims.ConversationId,
            claims.UserId,
            claims.UserName,
            DateTimeOffset.FromUnixTimeSeconds(claims.ExpiresAt));
        return (parsed.ExpiresAt <= time.GetUtcNow() ? TokenCheck.Expired : TokenCheck.Valid, parsed);
    }

    internal sealed record Claims(
        [property: JsonPropertyName("p")] string Purpose,
        [property: JsonPropertyName("c")] string ConversationId,
        [property: JsonPropertyName("u")] string UserId,
        [property: JsonPropertyName("n")] string? UserName,
        [property: JsonPropertyName("exp")] long ExpiresAt);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DirectLineTokens.Claims))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
