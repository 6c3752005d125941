using System.Net;
using HuaXin.Bot.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace HuaXin.Bot.Security;

public static class SecurityExtensions
{
    /// <summary>Data protection keys in the database, rate limits and phone-number redaction of every log. Call after
    /// logging is set up (the host's builder has).</summary>
    public static IServiceCollection AddHuaXinSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // Every instance behind a load balancer must read the others' cookies, antiforgery tokens and action links:
        // one key ring in the shared database, and a fixed application name instead of the install path.
        services.AddDataProtection().SetApplicationName("HuaXin.Bot").PersistKeysToDbContext<HuaXinDbContext>();
        // Behind the TLS reverse proxy requests arrive over plain HTTP from it; the client's address (rate limits,
        // /metrics) and scheme (the console's Secure cookies) come from X-Forwarded-For/-Proto, believed only from
        // loopback (the README's same-host nginx) and the addresses in ReverseProxy:KnownProxies.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        if (limits.Enabled)
        {
            services.AddHuaXinRateLimiting(limits);
        }
        services.AddSingleton<UserRateLimiter>();
        var factory = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory))
            ?? throw new InvalidOperationException("Logging must be registered before the redaction wraps it.");
        services.Remove(factory);
        services.AddSingleton<ILoggerFactory>(sp => new RedactingLoggerFactory((ILoggerFactory)(factory.ImplementationInstance
            ?? factory.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, factory.ImplementationType!))));
        return services;
    }

    /// <summary>First in the pipeline: the client as the proxy saw it, headers on every response, body limits before any
    /// read, the address limiter, then sign-in and authorization. Called here explicitly, because the host would otherwise
    /// put authentication and authorization first of all, before the forwarded headers apply: the console's sign-in
    /// redirects went out as http:// and without the security headers.</summary>
    public static WebApplication UseHuaXinSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseRequestSizeLimits();
        if (app.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>()?.Enabled ?? true)
        {
            app.UseRateLimiter();
        }
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
