using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.BotFramework;

/// <summary>The greeting sent when the bot is added to a chat or someone joins one. Built here rather than asked of the
/// turn handler: a join is not something the user said, and the greeting must not disturb a dialog in progress.</summary>
public static class WelcomeMessage
{
    private static readonly string[] Examples = ["困难职工帮扶怎么申请", "我想预约上门看望老人", "查看我的申请"];

    public static OutboundMessage Create()
    {
        const string title = "您好，我是华新职工家庭服务助手";
        const string body = "我可以解答集团家庭关爱相关政策（帮扶救助、探亲休假、子女助学等），也可以帮您和家属办理服务申请。直接输入您的问题即可。";
        var card = new Card(
            Kind: CardKinds.Welcome,
            Title: title,
            Body: body,
            Facts: [new CardFact("您可以试试", string.Join("\n", Examples))],
            Buttons: []);
        return new OutboundMessage(CardText.Render(card), card, Examples);
    }
}
