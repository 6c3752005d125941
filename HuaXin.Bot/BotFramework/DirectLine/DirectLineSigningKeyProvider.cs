using System.Security.Cryptography;
using System.Text;
using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>Supplies the token signing key: the configured one, or one generated on first use and kept in the database
/// (never in the repository), so tokens outlive restarts and work on every instance.</summary>
public sealed class DirectLineSigningKeyProvider(
    IOptions<DirectLineOptions> options,
    IDbContextFactory<HuaXinDbContext> dbFactory,
    TimeProvider time)
{
    private const string KeyName = "token-signing";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public async ValueTask<byte[]> GetKeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _key ??= options.Value.TokenSigningKey is { } configured
                ? Encoding.UTF8.GetBytes(configured)
                : await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = db.Set<DirectLineSigningKey>();
        if (await keys.AsNoTracking().FirstOrDefaultAsync(k => k.Name == KeyName, cancellationToken) is { } stored)
        {
            return stored.Key;
        }
        keys.Add(new DirectLineSigningKey { Name = KeyName, Key = RandomNumberGenerator.GetBytes(32), CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance created it first; everyone must sign with that one.
        }
        await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await fresh.Set<DirectLineSigningKey>().AsNoTracking().SingleAsync(k => k.Name == KeyName, cancellationToken)).Key;
    }
}
