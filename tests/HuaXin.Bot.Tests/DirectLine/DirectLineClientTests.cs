using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.DirectLine;

/// <summary>Microsoft's Direct Line client (the one inside Web Chat) against the real host on a real port.</summary>
public sealed class DirectLineClientTests
{
    [NodeFact]
    public async Task The_official_client_holds_a_conversation_over_the_websocket()
    {
        Assert.True(NodeTools.Missing() is null, NodeTools.Missing());
        await using var host = new DirectLineHost();
        host.UseKestrel(0);
        host.StartServer();
        var baseUrl = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var (exitCode, output) = await NodeTools.RunAsync("directline/conversation.js", baseUrl, "你好", "卡片");

        Assert.True(exitCode == 0, output);
        Assert.Contains("\"text\":\"收到：你好\"", output);
        Assert.Contains("application/vnd.microsoft.card.adaptive", output);
        Assert.Equal(2, host.Bot.Turns.Count);
    }
}
