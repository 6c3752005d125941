using HuaXin.Bot.Core;

namespace HuaXin.Bot.BotFramework;

/// <summary>Channel names under which Bot Framework traffic enters the neutral pipeline (turns, outbox, senders).</summary>
public static class BotChannels
{
    public static string ForChannelId(string? channelId) =>
        string.Equals(channelId, ChannelNames.Teams, StringComparison.OrdinalIgnoreCase) ? ChannelNames.Teams : ChannelNames.BotFramework;

    /// <summary>Key of an inbound activity for redelivery detection, as <see cref="Messaging.IInboundQueue"/> expects.</summary>
    public static string MessageKey(Activity activity) => $"{activity.ChannelId}:{activity.Id}";
}
