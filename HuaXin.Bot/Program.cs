using HuaXin.Bot;
using HuaXin.Bot.BotFramework.TeamsPackage;
using HuaXin.Bot.Cli;
using HuaXin.Bot.Observability;
using HuaXin.Bot.StaffConsole;

// Commands share the service's pipeline: "chat" is a terminal chat, "eval" measures quality on any corpus.
switch (args.FirstOrDefault())
{
    case "chat":
        return await ChatCommand.RunAsync(args[1..]);
    case "eval":
        return await EvalCommand.RunAsync(args[1..]);
    case "train-clauses":
        return await TrainClausesCommand.RunAsync(args[1..]);
    case "train-requests":
        return await TrainRequestsCommand.RunAsync(args[1..]);
    case "train-danger":
        return await TrainDangerCommand.RunAsync(args[1..]);
    case "teams-package":
        return await TeamsPackageCommand.RunAsync(args[1..]);
    case "hash-password":
        return HashPasswordCommand.Run();
    case "migrate":
        return await MigrateCommand.RunAsync(args[1..]);
    case "import-roster":
        return await HuaXin.Bot.Cli.ImportRosterCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
// wwwroot, its build-time gzip/Brotli copies and Chart.js from npm, also when the build output runs outside Development
// (scripts, benchmarks); a published app has no such manifest and serves its own wwwroot.
builder.WebHost.UseStaticWebAssets();
// That build output serves exactly what a publish serves: the precompressed copies and the manifest's cache headers, not
// the SDK's edit-and-refresh mode that compresses on the fly without caching. Set before Build: once built, configuration
// is only read, as the startup task reads it on another thread while the endpoints are mapped.
builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
builder.AddHuaXinServices();

var app = builder.Build();
// The database check and the index restore (one core) beside the endpoints' mapping (the other): neither needs the other.
var starting = Task.Run(() => app.Services.StartHuaXinAsync());
app.MapHuaXinEndpoints();
StartupPhases.Log(app.Services, "endpoints mapped");
await starting;
app.Lifetime.ApplicationStarted.Register(() => StartupPhases.Log(app.Services, "listening"));
await app.RunAsync();
return 0;

public partial class Program;
