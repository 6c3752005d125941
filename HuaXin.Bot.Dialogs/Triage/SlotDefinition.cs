namespace HuaXin.Bot.Dialogs.Triage;

/// <summary>How the bot talks about a slot: its label, the prompt with an example, and why it is needed.</summary>
public sealed record SlotDefinition(string Name, string Label, string Prompt, string Example, string Why);
