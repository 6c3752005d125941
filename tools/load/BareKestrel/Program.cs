// The floor of scripts/load.sh: Kestrel answering POST /api/messages with 200 and nothing else (no middleware, no
// body read), so the figures show what the HTTP stack alone costs on this machine. dotnet HuaXin.BareKestrel.dll --urls URL
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapPost("/api/messages", () => Results.Ok());
app.Run();
