namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>The last policy question answered, whether it has been rated, and what it was about.</summary>
public sealed class AnswerState
{
    public string Question { get; set; } = "";

    public List<string> CitedDocIds { get; set; } = [];

    public bool Answered { get; set; }

    public bool Rated { get; set; }

    /// <summary>The document and clause the answer came from: the topic a follow-up that names none is read in.</summary>
    public string? TopicDocId { get; set; }

    public string? TopicTitle { get; set; }

    public string? TopicClause { get; set; }
}
