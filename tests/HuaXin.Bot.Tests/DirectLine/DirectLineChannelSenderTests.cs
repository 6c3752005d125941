using HuaXin.Bot.BotFramework.DirectLine;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.DirectLine;

public sealed class DirectLineChannelSenderTests
{
    [Fact]
    public async Task A_proactive_message_is_appended_once_however_often_it_is_delivered()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();
        var item = new OutboxItem(7, "directline", DirectLineAddress.For(session.ConversationId), new OutboundMessage("您的申请 HX-20261123-0001 已受理。"), "ticket:1:accepted", 1);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetServices<IChannelSender>().Single(s => s.Channel == "directline");
            await sender.SendAsync(item, CancellationToken.None);
            await sender.SendAsync(item with { Attempt = 2 }, CancellationToken.None);
        }

        var activity = Assert.Single((await host.GetActivitiesAsync(session))["activities"]!.AsArray())!;
        Assert.Equal("您的申请 HX-20261123-0001 已受理。", activity["text"]!.GetValue<string>());
        Assert.Equal(session.UserId, activity["recipient"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"conversationId":"no-such-conversation"}""")]
    public async Task An_unknown_address_fails_permanently(string address)
    {
        await using var host = new DirectLineHost();
        await using var scope = host.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetServices<IChannelSender>().Single(s => s.Channel == "directline");

        await Assert.ThrowsAsync<PermanentDeliveryException>(() =>
            sender.SendAsync(new OutboxItem(1, "directline", address, new OutboundMessage("通知"), "k", 1), CancellationToken.None));
    }
}
