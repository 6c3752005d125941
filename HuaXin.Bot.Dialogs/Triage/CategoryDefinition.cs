namespace HuaXin.Bot.Dialogs.Triage;

/// <summary>One triage category with its department, slots, promised time limits, classifier cues and whom its
/// requests can be about.</summary>
public sealed record CategoryDefinition(
    string Code,
    string Name,
    string Department,
    IReadOnlyList<string> Required,
    IReadOnlyList<string> Optional,
    TimeSpan FirstContact,
    TimeSpan FirstContactUrgent,
    int ResolutionDays,
    bool ResolutionInWorkingDays,
    WeightedCues Cues,
    RelationRule Relation = RelationRule.Anyone)
{
    public TimeSpan FirstContactWithin(bool urgent) => urgent ? FirstContactUrgent : FirstContact;

    public string ResolutionText => ResolutionInWorkingDays ? $"{ResolutionDays}个工作日" : $"{ResolutionDays}天";
}
