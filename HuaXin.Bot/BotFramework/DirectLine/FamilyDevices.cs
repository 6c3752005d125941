using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Messaging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>The family page's lasting identity: a Direct Line user id ("dl_…") kept in an HttpOnly cookie that only the
/// token endpoint receives, protected with the data-protection key ring in the database (so any instance reads it) and
/// renewed on every visit. New tabs and later visits of the same browser are the same user, so the family keeps its
/// requests, its binding, and the notices sent to its conversation while the page was closed.</summary>
public sealed class FamilyDevices(
    IDataProtectionProvider protection,
    IDbContextFactory<HuaXinDbContext> dbFactory,
    IOptions<DirectLineOptions> options,
    TimeProvider time)
{
    public const string CookieName = "hx-family";
    /// <summary>Only the token endpoint needs the cookie; no other request carries it over a slow line.</summary>
    public const string CookiePath = "/api/webchat";

    private readonly IDataProtector _protector = protection.CreateProtector("HuaXin.Bot.FamilyDevice.v1");

    /// <summary>The user id of this browser, or null when it has none or its cookie is forged, from an unknown key or too old.</summary>
    public string? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var cookie) || cookie.Length > 1024)
        {
            return null;
        }
        string payload;
        try
        {
            payload = _protector.Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var separator = payload.LastIndexOf('|');
        if (separator <= 0 || !long.TryParse(payload.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            return null;
        }
        var stale = DateTimeOffset.FromUnixTimeSeconds(issued) + options.Value.DeviceLifetime <= time.GetUtcNow();
        return stale ? null : payload[..separator];
    }

    /// <summary>Sets (or renews) the cookie: HttpOnly, SameSite=Strict, Secure whenever the page came over HTTPS (behind
    /// the TLS proxy too, through the forwarded scheme).</summary>
    public void Write(HttpContext context, string userId)
    {
        var now = time.GetUtcNow();
        context.Response.Cookies.Append(CookieName, _protector.Protect($"{userId}|{now.ToUnixTimeSeconds()}"), new CookieOptions
        {
            Path = CookiePath,
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = options.Value.DeviceLifetime,
        });
    }

    /// <summary>A new device's user id, in Direct Line's form for ids the service made up.</summary>
    public static string NewUserId() => "dl_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The conversation this user last spoke in: where ticket notices were sent while the page was closed.</summary>
    public async Task<string?> LastConversationAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var address = await ConversationReferences.FindAsync(db, ChannelNames.DirectLine, userId, cancellationToken);
        return address is null ? null : DirectLineAddress.Parse(address)?.ConversationId;
    }
}
