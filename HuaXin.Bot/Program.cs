var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "HuaXin.Bot");
app.Run();

public partial class Program;
