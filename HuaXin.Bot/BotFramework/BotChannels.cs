namespace HuaXin.Bot.BotFramework;

/// <summary>Channel names under which Bot Framework traffic enters the neutral pipeline (turns, outbox, senders).</summary>
public static class BotChannels
{
    public const string Teams = "msteams";

    /// <summary>Every other Bot Connector channel (emulator, Azure Web Chat, …); its real channelId stays in the address.</summary>
    public const string Generic = "botframework";

    public static string ForChannelId(string? channelId) =>
        string.Equals(channelId, Teams, StringComparison.OrdinalIgnoreCase) ? Teams : Generic;

    /// <summary>Key of an inbound activity for redelivery detection, as <see cref="Messaging.IInboundQueue"/> expects.</summary>
    public static string MessageKey(Activity activity) => $"{activity.ChannelId}:{activity.Id}";
}
