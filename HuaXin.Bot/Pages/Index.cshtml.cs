using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages;

/// <summary>The family 在线咨询 page at "/". The greeting and its examples are part of the page, so nothing runs on the
/// server before the visitor sends something; the script (wwwroot/js/chat.js) speaks Direct Line 3.0 to this service.</summary>
public sealed class FamilyPageModel : PageModel
{
    /// <summary>Self only: no inline script or style anywhere on the page, no other origin.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public void OnGet()
    {
        var headers = Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        // The page names the current fingerprinted script and styles, so it is checked on every visit; they are cached for a year.
        headers.CacheControl = "no-cache";
    }
}
