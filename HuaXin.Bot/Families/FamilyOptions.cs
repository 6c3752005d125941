using System.ComponentModel.DataAnnotations;

namespace HuaXin.Bot.Families;

/// <summary>Settings under "Families": family binding codes and recovery on a new phone.</summary>
public sealed class FamilyOptions
{
    public const string Section = "Families";

    /// <summary>How long a binding code stays valid after the worker asks for it.</summary>
    [Range(1, 24 * 60)]
    public int BindingCodeMinutes { get; set; } = 30;

    /// <summary>Wrong, used or expired codes one chat identity may enter per hour before binding is refused.</summary>
    [Range(1, 100)]
    public int MaxFailedBindingsPerHour { get; set; } = 5;

    /// <summary>Wrong phone digits one ticket number may get per day, whoever types them, before that ticket refuses to
    /// bring access back: one identity per visit is free to make, so the limit that matters is the ticket's.</summary>
    [Range(1, 100)]
    public int MaxFailedRecoveriesPerTicketPerDay { get; set; } = 5;
}
