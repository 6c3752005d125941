namespace HuaXin.Bot.Conversations;

/// <summary>Settings under "Dialogs".</summary>
public sealed class ConversationsOptions
{
    public const string Section = "Dialogs";

    /// <summary>Service categories, departments, slots, time limits and classifier cues. Relative paths resolve like the knowledge files.</summary>
    public string TaxonomyPath { get; set; } = "knowledge/taxonomy.yaml";

    /// <summary>The request scorer's fitted weights (written by <c>train-requests</c>).</summary>
    public string ModelPath { get; set; } = "knowledge/request-model.json";

    /// <summary>The danger recogniser's fitted weights (written by <c>train-danger</c>).</summary>
    public string DangerModelPath { get; set; } = "knowledge/danger-model.json";
}
