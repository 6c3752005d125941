namespace HuaXin.Bot.Core;

/// <summary>The channel names turns, tickets, chat identities and the outbox store: one list, so a feature that needs to
/// know a channel's name does not need the channel itself.</summary>
public static class ChannelNames
{
    /// <summary>Microsoft Teams through the Bot Connector.</summary>
    public const string Teams = "msteams";

    /// <summary>Every other Bot Connector channel (emulator, Azure Web Chat, …); its real channelId stays in the address.</summary>
    public const string BotFramework = "botframework";

    /// <summary>The family web chat (Direct Line 3.0).</summary>
    public const string DirectLine = "directline";

    public const string DingTalk = "dingtalk";

    /// <summary>The JSON chat API.</summary>
    public const string Api = "api";

    /// <summary>Staff acting in the web console (not a chat: a console actor has no conversation to reply to).</summary>
    public const string StaffConsole = "console";

    /// <summary><c>chat</c> in a terminal (the CLI), kept apart from the staff console.</summary>
    public const string Terminal = "terminal";
}
