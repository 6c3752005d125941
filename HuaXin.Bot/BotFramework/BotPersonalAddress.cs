using System.Text.Json;
using HuaXin.Bot.Core;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.BotFramework;

/// <summary>One-to-one addresses on Bot Framework channels. Teams: always a proactive personal chat (create-conversation
/// with the user as the only member returns the existing one), since a reply address may be a channel or group chat.
/// Other channels cannot start conversations reliably, so only a conversation that is not a group is kept.</summary>
public sealed class BotPersonalAddress(string channel) : IPersonalAddress
{
    public string Channel => channel;

    public string? ToPersonal(string replyAddress)
    {
        BotAddress address;
        try
        {
            address = BotAddress.Parse(replyAddress);
        }
        catch (JsonException)
        {
            return null;
        }
        if (channel == ChannelNames.Teams)
        {
            return address is { UserId: not null, TenantId: not null }
                ? (address with { ConversationId = null, ReplyToId = null, TeamsChannelId = null, UpdateActivityId = null, IsGroup = null }).ToJson()
                : null;
        }
        return address.IsGroup is true ? null : (address with { ReplyToId = null }).ToJson();
    }
}
