namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>The urgent ticket opened for a danger message in this conversation.</summary>
public sealed class DangerState
{
    public string Number { get; set; } = "";

    public string Kind { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>True until the requester has given a number the department can call.</summary>
    public bool AwaitingPhone { get; set; }

    /// <summary>The bot's last reply was about this emergency: what the requester says next continues it.</summary>
    public bool Talking { get; set; }

    /// <summary>The requester said it is over (found, put out, awake): a question after it is not about it.</summary>
    public bool Over { get; set; }
}
