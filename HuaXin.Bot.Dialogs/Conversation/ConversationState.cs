using System.Text.Json;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>Everything a conversation remembers between turns; saved as JSON by <see cref="ConversationRunner"/>.</summary>
public sealed class ConversationState
{
    /// <summary>The request being taken down, if any.</summary>
    public IntakeState? Intake { get; set; }

    /// <summary>The last policy answer, so 有用/没用 can be recorded against it.</summary>
    public AnswerState? LastAnswer { get; set; }

    /// <summary>The urgent ticket a danger message opened, so later messages add to it instead of opening more.</summary>
    public DangerState? Danger { get; set; }

    /// <summary>A question just answered whose need the bot offered to take down ("需要帮您登记吗？").</summary>
    public OfferState? Offer { get; set; }

    /// <summary>The request last cancelled while being taken down, and when: "还是弄吧" soon after brings it back.</summary>
    public IntakeState? Withdrawn { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>The one open request the bot just offered to withdraw: "是", "撤了吧" or "撤回" withdraws it.</summary>
    public string? WithdrawalOffered { get; set; }

    /// <summary>The callback number last given in this conversation (a request or an emergency): a second request
    /// shows it on the summary instead of asking again.</summary>
    public string? LastPhone { get; set; }

    /// <summary>Whether the bot's last reply comforted feelings told: the next such message is listened to, not given the
    /// same words and numbers again.</summary>
    public bool Comforted { get; set; }

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads saved state; unreadable state (e.g. from an incompatible version) starts the conversation afresh.</summary>
    public static ConversationState FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new ConversationState();
        try
        {
            return JsonSerializer.Deserialize<ConversationState>(json) ?? new ConversationState();
        }
        catch (JsonException)
        {
            return new ConversationState();
        }
    }
}
