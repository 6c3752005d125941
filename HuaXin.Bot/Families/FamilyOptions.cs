using System.ComponentModel.DataAnnotations;

namespace HuaXin.Bot.Families;

/// <summary>Settings under "Families": family binding codes, recovery on a new phone, and which departments keep every
/// family's archive.</summary>
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

    /// <summary>Departments that keep every family's archive and may record for any family: the 车间工会 builds the
    /// 一户一档 (三心服务实施办法 第十三条), 集团工会 keeps the 困难职工 records (帮扶救助管理办法 第四条). Other departments see
    /// the families they have served; admins see all.</summary>
    public List<string> ArchiveDepartments { get; set; } = [];
}
