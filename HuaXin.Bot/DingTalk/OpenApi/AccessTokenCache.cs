namespace HuaXin.Bot.DingTalk.OpenApi;

/// <summary>Keeps the app's access token (valid 2 h) and fetches a new one ~5 minutes before it lapses,
/// so a send never starts with a token that expires in flight. One fetch at a time across callers.</summary>
public sealed class AccessTokenCache(TimeProvider time)
{
    private static readonly TimeSpan RefreshEarly = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RefreshAt)? _current;

    public async Task<string> GetAsync(Func<CancellationToken, Task<AccessToken>> fetch, CancellationToken cancellationToken)
    {
        if (_current is { } fresh && time.GetUtcNow() < fresh.RefreshAt)
        {
            return fresh.Token;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } other && time.GetUtcNow() < other.RefreshAt)
            {
                return other.Token; // another caller refreshed while this one waited
            }
            var token = await fetch(cancellationToken);
            _current = (token.Value, time.GetUtcNow() + token.ExpiresIn - RefreshEarly);
            return token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the token after DingTalk refused it (revoked, secret rotated).</summary>
    public void Invalidate() => _current = null;
}

public sealed record AccessToken(string Value, TimeSpan ExpiresIn);
