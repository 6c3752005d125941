using HuaXin.Bot.Core;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.DingTalk;

/// <summary>One-to-one DingTalk addresses: a group's address becomes the sender's one-to-one chat with the robot, which
/// the OpenAPI reaches by staff id (oToMessages); a one-to-one address stays as it is (its session webhook is personal).</summary>
public sealed class DingTalkPersonalAddress : IPersonalAddress
{
    public string Channel => ChannelNames.DingTalk;

    public string? ToPersonal(string replyAddress)
    {
        var address = DingTalkReplyAddress.FromJson(replyAddress);
        if (!address.IsGroup)
        {
            return replyAddress;
        }
        return address.SenderStaffId is { Length: > 0 } staffId
            ? new DingTalkReplyAddress(staffId, "1", null, null, staffId, address.RobotCode).ToJson()
            : null;
    }
}
