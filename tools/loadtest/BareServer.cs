namespace HuaXin.LoadTest;

/// <summary>The reference floor: Kestrel answering 200 with no middleware, on 127.0.0.1.</summary>
public static class BareServer
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/", () => Results.Ok());
        await app.RunAsync();
    }
}
