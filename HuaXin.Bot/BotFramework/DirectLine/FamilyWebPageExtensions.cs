using Microsoft.Extensions.FileProviders;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>Serves the family 在线咨询 page at "/" from wwwroot, and Microsoft's Web Chat bundle at /lib/webchat.js from
/// the npm install the build copies next to the assembly (see WebChat.targets): nothing comes from a CDN.</summary>
public static class FamilyWebPageExtensions
{
    /// <summary>Self only, except the inline styles Web Chat injects at run time and the data:/blob: images of its cards.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseFamilyWebPage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = context => AddSecurityHeaders(context.Context.Response, context.File.Name) });

        var bundle = Path.Combine(AppContext.BaseDirectory, "webchat");
        if (Directory.Exists(bundle))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(bundle),
                RequestPath = "/lib",
                OnPrepareResponse = context => AddSecurityHeaders(context.Context.Response, context.File.Name),
            });
        }
        else
        {
            app.Logger.LogWarning("Web Chat bundle not found at {Path}: the page at / cannot load. Build with npm available (WebChat.targets).", bundle);
        }
        return app;
    }

    private static void AddSecurityHeaders(HttpResponse response, string fileName)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            // The page is tiny and changes with releases; the bundle and styles may be cached.
            headers.CacheControl = "no-cache";
        }
    }
}
