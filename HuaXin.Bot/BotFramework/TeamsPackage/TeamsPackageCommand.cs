using System.IO.Compression;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.BotFramework.TeamsPackage;

/// <summary>"teams-package --out app.zip [--domain host] [--version 1.0.0]": writes the Teams app package (manifest and
/// icons) for sideloading or the admin center, with the bot id taken from Bot:MicrosoftAppId.</summary>
public static class TeamsPackageCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = ParseArguments(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddOptions<BotOptions>().Bind(builder.Configuration.GetSection(BotOptions.Section));
        await using var services = builder.Services.BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<BotOptions>>().Value;

        var appId = options.MicrosoftAppId;
        if (string.IsNullOrWhiteSpace(appId) || !Guid.TryParse(appId, out _))
        {
            await Console.Error.WriteLineAsync("Bot:MicrosoftAppId must be set to the bot's App ID (a GUID), e.g. Bot__MicrosoftAppId=… .");
            return 2;
        }
        var domain = arguments.GetValueOrDefault("domain") ?? options.ValidDomains.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(domain))
        {
            await Console.Error.WriteLineAsync("Give the bot's public host name with --domain or Bot:ValidDomains:0.");
            return 2;
        }
        var output = Path.GetFullPath(arguments.GetValueOrDefault("out") ?? "huaxin-teams-app.zip");
        await WriteAsync(output, appId, domain, arguments.GetValueOrDefault("version") ?? "1.0.0");
        Console.WriteLine($"Teams app package written to {output}");
        return 0;
    }

    public static async Task WriteAsync(string path, string appId, string domain, string version)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        await AddAsync(zip, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(TeamsManifest.Create(appId, domain, version),
            new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        await AddAsync(zip, "color.png", AppIcons.Color());
        await AddAsync(zip, "outline.png", AppIcons.Outline());
    }

    private static async Task AddAsync(ZipArchive zip, string name, byte[] content)
    {
        await using var entry = zip.CreateEntry(name).Open();
        await entry.WriteAsync(content);
    }

    /// <summary>"--name value" pairs; other arguments are left to configuration (e.g. --Bot:MicrosoftAppId=…).</summary>
    private static Dictionary<string, string> ParseArguments(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && !args[i].Contains('=') && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                result[args[i][2..]] = args[++i];
            }
        }
        return result;
    }
}
