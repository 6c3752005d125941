using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>Decides what a request's credential allows, with Direct Line's status codes: 401 for a missing or
/// invalid credential, 403 for an expired token or one for another conversation (the client then refreshes or stops).</summary>
public sealed class DirectLineAuthorizer(DirectLineTokens tokens, IOptions<DirectLineOptions> options)
{
    /// <summary>True when <paramref name="credential"/> is one of the configured secrets (compared in constant time).</summary>
    public bool IsSecret(string? credential)
    {
        if (credential is null)
        {
            return false;
        }
        var given = Encoding.UTF8.GetBytes(credential);
        var match = false;
        foreach (var secret in options.Value.Secrets)
        {
            match |= CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(secret));
        }
        return match;
    }

    /// <summary>Checks a token of <paramref name="purpose"/>; with <paramref name="conversationId"/>, also that it is for that conversation.</summary>
    public async Task<(DirectLineToken? Token, IResult? Failure)> AuthorizeAsync(
        string? credential, TokenPurpose purpose, string? conversationId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(credential))
        {
            return (null, DirectLineHttp.Error(401, "Unauthorized", "缺少访问令牌。"));
        }
        var (check, token) = await tokens.ValidateAsync(credential, cancellationToken);
        if (check == TokenCheck.Invalid || token!.Purpose != purpose)
        {
            return (null, DirectLineHttp.Error(401, "Unauthorized", "访问令牌无效。"));
        }
        if (check == TokenCheck.Expired)
        {
            return (null, DirectLineHttp.Error(403, "TokenExpired", "访问令牌已过期，请刷新页面。"));
        }
        if (conversationId is not null && !string.Equals(token.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return (null, DirectLineHttp.Error(403, "Forbidden", "访问令牌不属于此会话。"));
        }
        return (token, null);
    }
}
