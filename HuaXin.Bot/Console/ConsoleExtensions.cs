using System.Text.Encodings.Web;
using System.Text.Unicode;
using HuaXin.Bot.Core;
using HuaXin.Bot.DingTalk.Sending;
using HuaXin.Bot.Security;
using Microsoft.AspNetCore.Authentication;
using HuaXin.Bot.Families;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.WebEncoders;

namespace HuaXin.Bot.StaffConsole;

public static class ConsoleExtensions
{
    /// <summary>Cookie scheme of console sessions; named rather than default so other endpoints keep their own auth.</summary>
    public const string Scheme = "Console";

    /// <summary>Razor Pages under /console, cookie sign-in (local accounts and optionally OpenID Connect), the
    /// "Staff"/"Admin" policies, login lockout and the console's data services.</summary>
    public static IServiceCollection AddStaffConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Accounts.All(a => Departments.IsKnown(a.Department)), $"Console:Accounts names an unknown department; known: {string.Join(", ", Departments.All)}.")
            .Validate(o => o.Accounts.All(a => a.UserName.Length > 0 && a.PasswordHash.Length > 0), "Console:Accounts needs UserName and PasswordHash (dotnet run -- hash-password).")
            .Validate(o => o.PublicBaseUrl is null || (o.PublicBaseUrl.IsAbsoluteUri && o.PublicBaseUrl.AbsolutePath.EndsWith('/')),
                "Console:PublicBaseUrl must be an absolute URL ending with '/', e.g. https://huaxin.example.com/.")
            .ValidateOnStart();

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Console", ConsolePolicies.Staff);
            o.Conventions.AllowAnonymousToPage("/Console/Login");
            foreach (var reports in new[] { "/Console/Dashboard", "/Console/Reports", "/Console/Coverage" })
            {
                o.Conventions.AddFolderApplicationModelConvention(reports, page => page.Filters.Add(new ReportPeriodFilter()));
            }
        });
        // Chinese text as characters, not &#x…; entities: readable pages, half the bytes.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // A loopback trial over plain HTTP cannot keep __Host-/Secure cookies; everywhere else they stay.
        var trial = configuration.GetValue<bool>($"{ConsoleOptions.Section}:{nameof(ConsoleOptions.TrialOverHttp)}");
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = trial ? "huaxin-trial-csrf" : "__Host-huaxin-csrf";
            o.Cookie.SecurePolicy = trial ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        var authentication = services.AddAuthentication().AddCookie(Scheme, o =>
        {
            // __Host-: secure, whole-site, no Domain, so a sibling subdomain cannot plant or read it.
            o.Cookie.Name = trial ? "huaxin-trial-console" : "__Host-huaxin-console";
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = trial ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // Lax (not Strict) so the session survives the redirect back from the identity provider.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/console/login";
            o.LogoutPath = "/console/logout";
            o.AccessDeniedPath = "/console/denied";
            o.SlidingExpiration = true;
            // Relative: the Host header is the client's to choose, and the scheme is the proxy's to know.
            o.Events.OnRedirectToLogin = context => RedirectRelative(context);
            o.Events.OnRedirectToAccessDenied = context => RedirectRelative(context);
            o.Events.OnRedirectToReturnUrl = context => RedirectRelative(context);
            o.Events.OnRedirectToLogout = context => RedirectRelative(context);
            // A session is only as good as the account behind it now, not when the cookie was issued.
            o.Events.OnValidatePrincipal = async context =>
            {
                var sessions = context.HttpContext.RequestServices.GetRequiredService<ConsoleSessions>();
                if (context.Principal is null || !await sessions.IsValidAsync(context.Principal, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(Scheme);
                }
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<Microsoft.Extensions.Options.IOptions<ConsoleOptions>>((cookie, console) =>
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(console.Value.SessionMinutes));
        authentication.AddConsoleOidc(configuration);

        services.AddAuthorizationBuilder()
            .AddPolicy(ConsolePolicies.Staff, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.ToStaffMember() is not null))
            .AddPolicy(ConsolePolicies.Admin, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.ToStaffMember()?.Role == StaffRole.Admin));
        services.AddOptions<AuthorizationOptions>().Configure<FamilyAccess>((o, access) => o.AddPolicy(ConsolePolicies.FamilyService, p =>
            p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireAssertion(c => c.User.ToStaffMember() is { } staff && access.KeepsArchives(staff))));

        services.TryAddSingleton<FailedAttempts>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<ConsoleAccounts>();
        services.AddSingleton<ConsoleSessions>();
        services.AddSingleton<TicketBoard>();
        services.AddSingleton<ActionLinks>();
        services.AddSingleton<IButtonLinks>(sp => sp.GetRequiredService<ActionLinks>());
        return services;
    }

    /// <summary>Security headers on every console response, then the pages.</summary>
    public static WebApplication MapStaffConsole(this WebApplication app)
    {
        var trial = app.Configuration.GetValue<bool>($"{ConsoleOptions.Section}:{nameof(ConsoleOptions.TrialOverHttp)}");
        if (trial)
        {
            app.Logger.LogWarning("Console:TrialOverHttp is on: the console answers plain HTTP from this machine. Turn it off on a server.");
        }
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/console"), branch => branch.Use(async (context, next) =>
        {
            await next(context);
            await ConsoleErrorPages.WriteIfEmptyAsync(context);
        }).Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            // Pages carry personal data: never keep them in shared caches or the back-button cache.
            headers.CacheControl = "no-store";
            if (!context.Request.IsHttps && !(trial && FromThisMachine(context)))
            {
                // Sign-in and form tokens travel only over TLS; say so instead of failing deep in antiforgery.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync(
                    "工作台只能通过 HTTPS 访问：请经由配置了 TLS 的反向代理打开（见 README），" +
                    "本机试用可运行 dotnet dev-certs https 后 dotnet run --project HuaXin.Bot --launch-profile https，再打开 https://localhost:5001/console。\n" +
                    "The staff console is served over HTTPS only.");
            }
            return next(context);
        }));
        app.MapGet("/console", () => Results.Redirect("/console/tickets")).ExcludeFromDescription();
        app.MapDingTalkLogin();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    private static Task RedirectRelative(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
        context.Response.Redirect(target.IsAbsoluteUri ? target.PathAndQuery : context.RedirectUri);
        return Task.CompletedTask;
    }
    /// <summary>A request from this machine itself, not forwarded for another one (the forwarded-headers middleware has
    /// already put the proxy's client in RemoteIpAddress).</summary>
    private static bool FromThisMachine(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address) && !context.Request.Headers.ContainsKey("X-Forwarded-For");

    /// <summary>Only local console paths: an attacker's link must not turn a sign-in into an open redirect.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } && returnUrl.StartsWith("/console", StringComparison.OrdinalIgnoreCase)
        && !returnUrl.Contains("//", StringComparison.Ordinal) && !returnUrl.Contains('\\')
            ? returnUrl
            : "/console/tickets";
}
