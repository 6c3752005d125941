namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>The last policy question answered, and whether it has been rated.</summary>
public sealed class AnswerState
{
    public string Question { get; set; } = "";

    public List<string> CitedDocIds { get; set; } = [];

    public bool Answered { get; set; }

    public bool Rated { get; set; }
}
