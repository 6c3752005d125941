using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

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

/// <summary>Issues and checks service-signed JWTs (HS256) shaped like Azure's Direct Line tokens: <c>conv</c> names the
/// conversation and <c>user</c> the user, which Web Chat reads as its user id; <c>bot</c>, <c>nbf</c>, <c>exp</c>,
/// <c>iss</c>. The audience says what the token is for, so a stream token is never accepted as a conversation token.</summary>
public sealed class DirectLineTokens(DirectLineSigningKeyProvider keys, IOptions<DirectLineOptions> options, TimeProvider time)
{
    private const string Issuer = "huaxin-bot/directline";
    private const string ConversationAudience = "directline";
    private const string StreamAudience = "directline-stream";
    private const int MaxTokenLength = 4096;

    /// <summary>The only header this service writes or accepts: anything else (alg "none", RS256, …) is refused as is.</summary>
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    /// <summary>A grant of <paramref name="lifetime"/> from now, to pass to <see cref="IssueAsync"/>.</summary>
    public DirectLineToken Grant(TokenPurpose purpose, string conversationId, string userId, string? userName, TimeSpan lifetime) =>
        new(purpose, conversationId, userId, userName, time.GetUtcNow().Add(lifetime));

    public async Task<string> IssueAsync(DirectLineToken grant, CancellationToken cancellationToken)
    {
        var claims = new Claims(
            Issuer,
            grant.Purpose == TokenPurpose.Stream ? StreamAudience : ConversationAudience,
            options.Value.BotId,
            grant.ConversationId,
            grant.UserId,
            grant.UserName,
            time.GetUtcNow().ToUnixTimeSeconds(),
            grant.ExpiresAt.ToUnixTimeSeconds());
        var signed = $"{Header}.{Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, TokenJsonContext.Default.Claims))}";
        var signature = HMACSHA256.HashData(await keys.GetKeyAsync(cancellationToken), Encoding.ASCII.GetBytes(signed));
        return $"{signed}.{Base64Url.EncodeToString(signature)}";
    }

    public async Task<(TokenCheck Check, DirectLineToken? Token)> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var lastDot = token.LastIndexOf('.');
        if (token.Length > MaxTokenLength || !token.StartsWith(Header + ".", StringComparison.Ordinal) || lastDot <= Header.Length)
        {
            return (TokenCheck.Invalid, null);
        }
        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(Header.Length + 1, lastDot - Header.Length - 1));
            signature = Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1));
        }
        catch (FormatException)
        {
            return (TokenCheck.Invalid, null);
        }
        var expected = HMACSHA256.HashData(await keys.GetKeyAsync(cancellationToken), Encoding.ASCII.GetBytes(token, 0, lastDot));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return (TokenCheck.Invalid, null);
        }
        // Signed by us, so well-formed; a null here would mean a key compromise, which deserves an exception.
        var claims = JsonSerializer.Deserialize(payload, TokenJsonContext.Default.Claims)!;
        TokenPurpose? purpose = claims.Audience switch
        {
            ConversationAudience => TokenPurpose.Conversation,
            StreamAudience => TokenPurpose.Stream,
            _ => null,
        };
        if (claims.Issuer != Issuer || purpose is null)
        {
            return (TokenCheck.Invalid, null);
        }
        var parsed = new DirectLineToken(purpose.Value, claims.Conversation, claims.User, claims.Name, DateTimeOffset.FromUnixTimeSeconds(claims.ExpiresAt));
        return (parsed.ExpiresAt <= time.GetUtcNow() ? TokenCheck.Expired : TokenCheck.Valid, parsed);
    }

    internal sealed record Claims(
        [property: JsonPropertyName("iss")] string Issuer,
        [property: JsonPropertyName("aud")] string Audience,
        [property: JsonPropertyName("bot")] string Bot,
        [property: JsonPropertyName("conv")] string Conversation,
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("nbf")] long NotBefore,
        [property: JsonPropertyName("exp")] long ExpiresAt);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DirectLineTokens.Claims))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
