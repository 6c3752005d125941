using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>A service request being filled in, one missing slot at a time.</summary>
public sealed class IntakeState
{
    /// <summary>Names this request across retries: a 确认 replayed after a crash or a lost state save finds the ticket
    /// the first attempt created instead of making a second one.</summary>
    public string DraftId { get; set; } = Guid.NewGuid().ToString("N");

    public string? Category { get; set; }

    public string OriginalText { get; set; } = "";

    public Dictionary<string, string> Slots { get; set; } = [];

    /// <summary>The window the "when" slot resolves to.</summary>
    public TimeWindow? When { get; set; }

    /// <summary>Optional slots the user chose to skip, so they are not asked again.</summary>
    public List<string> Skipped { get; set; } = [];

    /// <summary>Required slots whose reason was already explained once; a second "不知道" goes on without them.</summary>
    public List<string> Explained { get; set; } = [];

    /// <summary>What the roster holds for a bound family (the phone also the number given earlier in the conversation),
    /// used instead of asking.</summary>
    public string? RosterPhone { get; set; }

    public string? RosterAddress { get; set; }

    /// <summary>A second need said in the same message ("…再一个家里水管子坏了"), offered once this one is submitted.</summary>
    public OfferState? Next { get; set; }

    /// <summary>A yes with no number has been answered once: the next is told the other way, not the same words again.</summary>
    public bool PhoneAwaited { get; set; }

    /// <summary>The last answer was the address or a piece of it: a village or a house number said next continues it.</summary>
    public bool AddressLast { get; set; }

    /// <summary>What the last prompt asked for: a slot name or one of <see cref="IntakeSteps"/>.</summary>
    public string? Pending { get; set; }
}

/// <summary>Intake steps that are not slots.</summary>
public static class IntakeSteps
{
    public const string Category = "category";
    public const string Confirm = "confirm";
    public const string Change = "change";
}
