using Microsoft.AspNetCore.Http.Features;

namespace HuaXin.Bot.Security;

/// <summary>Caps every request body before anything reads it. The channel endpoints check their own, smaller limits
/// with a clear error; this is the backstop for every other path, so no endpoint accepts Kestrel's 30 MB default.</summary>
public static class RequestSizeLimits
{
    /// <summary>Channel and API bodies: the largest channel limit (Bot:MaxBodyBytes may be raised to 4 MB).</summary>
    public const long ApiBytes = 4 * 1024 * 1024;

    /// <summary>Console pages set their own upload limits with [RequestSizeLimit]; forms otherwise are small.</summary>
    public const long DefaultBytes = 1024 * 1024;

    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            var path = context.Request.Path;
            feature.MaxRequestBodySize = path.StartsWithSegments("/api") || path.StartsWithSegments("/v3") ? ApiBytes : DefaultBytes;
        }
        return next(context);
    });
}
