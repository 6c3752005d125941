using System.ComponentModel.DataAnnotations;

namespace HuaXin.Bot.Families;

/// <summary>Settings under "Families": family binding codes.</summary>
public sealed class FamilyOptions
{
    public const string Section = "Families";

    /// <summary>How long a binding code stays valid after the worker asks for it.</summary>
    [Range(1, 24 * 60)]
    public int BindingCodeMinutes { get; set; } = 30;

    /// <summary>Wrong, used or expired codes one chat identity may enter per hour before binding is refused.</summary>
    [Range(1, 100)]
    public int MaxFailedBindingsPerHour { get; set; } = 5;
}
