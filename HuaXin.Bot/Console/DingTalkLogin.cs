using System.Security.Cryptography;
using System.Text;
using HuaXin.Bot.Core;
using HuaXin.Bot.DingTalk;
using HuaXin.Bot.DingTalk.OpenApi;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.StaffConsole;

/// <summary>"使用钉钉登录": DingTalk's OAuth 2.0 sign-in for staff listed in Staff:Members on channel "dingtalk", so a
/// staff member who taps a 受理/办结 button in a DingTalk group needs no separate console password. Inside the DingTalk
/// app the sign-in page confirms the current user with one tap. The state parameter is bound to the browser by a
/// short-lived protected cookie, so nobody can slip their own sign-in into someone else's browser.</summary>
public static class DingTalkLogin
{
    private const string StateCookie = "__Host-huaxin-dingtalk-state";
    private const string CallbackPath = "console/login/dingtalk/callback";
    private const string Purpose = "HuaXin.Bot.DingTalkLogin.v1";

    /// <summary>Needs the DingTalk app (for its keys) and the console's public address (DingTalk redirects back to it).</summary>
    public static bool IsEnabled(DingTalkOptions dingTalk, ConsoleOptions console) =>
        dingTalk.Mode != DingTalkMode.Off && console.PublicBaseUrl is not null;

    public static WebApplication MapDingTalkLogin(this WebApplication app)
    {
        app.MapGet("/console/login/dingtalk", Start).ExcludeFromDescription();
        app.MapGet("/" + CallbackPath, FinishAsync).ExcludeFromDescription();
        return app;
    }

    private static IResult Start(HttpContext context, string? returnUrl, IOptionsMonitor<DingTalkOptions> dingTalk, IOptionsMonitor<ConsoleOptions> console,
        IDataProtectionProvider protection)
    {
        if (!IsEnabled(dingTalk.CurrentValue, console.CurrentValue))
        {
            return Results.NotFound();
        }
        var state = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var cookie = protection.CreateProtector(Purpose).Protect($"{state}|{ConsoleExtensions.SafeReturnUrl(returnUrl)}");
        context.Response.Cookies.Append(StateCookie, cookie, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            Path = "/",
            // Lax: the cookie must come back on DingTalk's top-level redirect to the callback.
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromMinutes(10),
        });
        var redirect = new Uri(console.CurrentValue.PublicBaseUrl!, CallbackPath).ToString();
        var query = $"redirect_uri={Uri.EscapeDataString(redirect)}&response_type=code&client_id={Uri.EscapeDataString(dingTalk.CurrentValue.AppKey!)}"
            + $"&scope=openid&state={state}&prompt=consent";
        return Results.Redirect(new Uri(dingTalk.CurrentValue.LoginBaseUrl, "oauth2/auth?" + query).ToString());
    }

    private static async Task<IResult> FinishAsync(HttpContext context, string? authCode, string? state, IOptionsMonitor<DingTalkOptions> dingTalk,
        IOptionsMonitor<ConsoleOptions> console, IDataProtectionProvider protection, DingTalkApiClient api, StaffDirectory staff, ILoggerFactory loggers)
    {
        if (!IsEnabled(dingTalk.CurrentValue, console.CurrentValue))
        {
            return Results.NotFound();
        }
        var cookie = context.Request.Cookies[StateCookie];
        context.Response.Cookies.Delete(StateCookie, new CookieOptions { Secure = true, Path = "/" });
        string? returnUrl = null;
        if (cookie is not null && state is not null && authCode is { Length: > 0 and <= 200 })
        {
            try
            {
                var parts = protection.CreateProtector(Purpose).Unprotect(cookie).Split('|', 2);
                returnUrl = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(parts[0]), Encoding.UTF8.GetBytes(state)) ? parts[1] : null;
            }
            catch (CryptographicException)
            {
                returnUrl = null;
            }
        }
        if (returnUrl is null)
        {
            return Results.Redirect("/console/login?error=dingtalk-expired");
        }
        var userId = await api.UserIdFromAuthCodeAsync(authCode!, context.RequestAborted);
        var member = userId is null ? null : staff.Find(ChannelNames.DingTalk, userId);
        if (member is null)
        {
            // The id, not the name: it is what an administrator adds to Staff:Members.
            loggers.CreateLogger(typeof(DingTalkLogin)).LogWarning("DingTalk sign-in refused: {UserId} is not in Staff:Members", userId ?? "(unconfirmed)");
            return Results.Redirect(userId is null ? "/console/login?error=dingtalk-unconfirmed" : "/console/login?error=dingtalk-not-staff");
        }
        var principal = ConsoleClaims.Create(member.UserId, member.Name, member.Department, member.Role, ConsoleSessions.DingTalkSignIn,
            ConsoleSessions.Stamp(member), ChannelNames.DingTalk);
        await context.SignInAsync(ConsoleExtensions.Scheme, principal);
        return Results.Redirect(returnUrl);
    }
}
