using System.Collections.Concurrent;
using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.BotFramework.Connector;

/// <summary>Remembers serviceUrls from validated tokens (in the database, cached in memory) so the outbound token
/// never goes to a URL an attacker put into an activity.</summary>
public sealed class TrustedServiceUrls(IDbContextFactory<HuaXinDbContext> dbFactory, TimeProvider time)
{
    // Seen-and-saved URLs; Teams uses a handful per region, so this stays tiny.
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    public async Task TrustAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        var url = ServiceUrls.Normalize(serviceUrl);
        if (_known.ContainsKey(url))
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var row = await db.Set<TrustedServiceUrl>().FindAsync([url], cancellationToken);
        if (row is null)
        {
            db.Add(new TrustedServiceUrl { Url = url, FirstSeenAt = now, LastSeenAt = now });
        }
        else
        {
            row.LastSeenAt = now;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (row is null)
        {
            // Another request saved the same URL first: it is trusted either way.
        }
        _known[url] = true;
    }

    public async Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        var url = ServiceUrls.Normalize(serviceUrl);
        if (_known.ContainsKey(url))
        {
            return true;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Set<TrustedServiceUrl>().AnyAsync(u => u.Url == url, cancellationToken);
        if (found)
        {
            _known[url] = true;
        }
        return found;
    }
}
