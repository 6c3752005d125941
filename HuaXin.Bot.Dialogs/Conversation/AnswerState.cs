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

    /// <summary>The question that led to the topic's document: a run of follow-ups on one document ("要啥材料", "多久能批下来",
    /// "找谁办") is read together with it, not with the follow-up before, which names nothing.</summary>
    public string? TopicQuestion { get; set; }
}
