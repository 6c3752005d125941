namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>Serves wwwroot (the family page's script and styles, the console's, Chart.js from npm) as static asset
/// endpoints: gzip and Brotli copies made at build time, fingerprinted names cached for a year as immutable, ETags and
/// no-cache on the plain names. The family page itself is the Razor page at "/" (Pages/Index.cshtml).</summary>
public static class FamilyWebPageExtensions
{
    public static WebApplication UseFamilyWebPage(this WebApplication app)
    {
        app.MapStaticAssets();
        return app;
    }
}
