using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.E2E;

/// <summary>The real service (real bot, real knowledge base) on a free local port over a fresh database.</summary>
internal sealed class FamilyPageHost : TestAppFactory
{
    public string Start()
    {
        UseKestrel(0);
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }
}
