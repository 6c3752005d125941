using System.Net;
using System.Text;
using HuaXin.Bot.DingTalk;

namespace HuaXin.Bot.Tests.DingTalk;

public sealed class ModeOffTests
{
    [Fact]
    public async Task Callback_path_does_not_exist_when_mode_is_not_callback()
    {
        await using var fake = await FakeDingTalk.StartAsync();
        await using var factory = new DingTalkAppFactory(fake, DingTalkMode.Off);
        factory.StartServer();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/dingtalk/callback", new StringContent(RobotMessages.OfficialSample, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
