using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Safety;

/// <summary>Which signs of self-harm (taxonomy danger.harm) a message shows, matched once per message: the cue floor
/// reads the signs of whether among them, the fitted model all of them.</summary>
public sealed class HarmSigns
{
    private readonly IReadOnlyList<HarmSign> _signs;

    private HarmSigns(IReadOnlyList<HarmSign> signs, bool[] shown) => (_signs, Shown) = (signs, shown);

    /// <param name="compact">The message as <see cref="DangerDetector.Compact"/> leaves it.</param>
    public static HarmSigns In(string compact, DangerRules rules)
    {
        var unbroken = DangerDetector.Unbroken(compact);
        return new HarmSigns(rules.Harm, [.. rules.Harm.Select(h => h.Pattern.IsMatch(unbroken))]);
    }

    /// <summary>No signs: for reading cues alone.</summary>
    public static HarmSigns None { get; } = new([], []);

    /// <summary>One flag per sign, in the taxonomy's order.</summary>
    public IReadOnlyList<bool> Shown { get; }

    /// <summary>The names of the signs of whether (danger.harm_floor) the message shows.</summary>
    public IReadOnlyList<string> FloorShown => [.. _signs.Where((h, i) => h.Floor && Shown[i]).Select(h => h.Name)];
}
