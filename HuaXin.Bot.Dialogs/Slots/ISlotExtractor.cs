using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>Finds one slot's value in normalized text, or null when the text does not state it.</summary>
public interface ISlotExtractor
{
    string Slot { get; }

    SlotMatch? Extract(string text);
}

/// <param name="Value">The value as stored (phone = digits; when = the words used).</param>
/// <param name="Window">For "when": the concrete time window the words mean.</param>
public sealed record SlotMatch(string Value, TimeWindow? Window = null);
