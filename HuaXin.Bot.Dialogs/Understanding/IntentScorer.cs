using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Understanding;

/// <summary>Weighs how much a message asks for action against how much it asks about policy.</summary>
public sealed class IntentScorer(Taxonomy taxonomy)
{
    public IntentScores Score(string text, bool hasPhone, bool hasAddress, double categoryScore) => new(
        Request: taxonomy.RequestCues.Score(text)
            // Leaving a phone number or an address is asking to be contacted or visited.
            + (hasPhone ? 3 : 0) + (hasAddress ? 1 : 0)
            // Describing a concrete trouble ("水管爆了") without asking anything is a request too.
            + (categoryScore >= 4 ? 1 : 0),
        Question: taxonomy.QuestionCues.Score(text));
}

/// <param name="Request">Evidence the user wants someone to act.</param>
/// <param name="Question">Evidence the user asks about policy.</param>
public sealed record IntentScores(double Request, double Question)
{
    /// <summary>Mixed messages ("住院能报多少？能不能派人去陪护") are requests when the ask for action is at least as strong.</summary>
    public bool IsRequest => Request > 0 && Request >= Question;

    public bool AlsoAsks => IsRequest && Question >= 2;
}
