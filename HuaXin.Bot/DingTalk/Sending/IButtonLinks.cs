using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.DingTalk.Sending;

/// <summary>Gives a card's buttons a web link ("url" in the button data) where one exists, because a DingTalk message
/// cannot send a press back to the bot. The staff console provides the links; the sender only asks.</summary>
public interface IButtonLinks
{
    OutboundMessage AddTo(OutboundMessage message);
}
