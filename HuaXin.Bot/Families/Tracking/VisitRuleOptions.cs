using System.ComponentModel.DataAnnotations;

namespace HuaXin.Bot.Families.Tracking;

/// <summary>Settings under "Families:Visits": how often a 联络员 visits a family at home, as 外出职工家庭“三心”服务实施办法
/// 第九条 in the knowledge base has it (一般家庭每季度上门家访不少于1次，重点服务家庭每月不少于1次), and how early the
/// 联络员 is reminded.</summary>
public sealed class VisitRuleOptions
{
    public const string Section = "Families:Visits";

    [Range(7, 366)]
    public int RegularIntervalDays { get; set; } = 90;

    [Range(7, 366)]
    public int PriorityIntervalDays { get; set; } = 30;

    [Range(0, 60)]
    public int RemindDaysBefore { get; set; } = 7;

    /// <summary>Where the rule comes from, quoted in reminders and on pages.</summary>
    [Required]
    public string Rule { get; set; } = "《外出职工家庭“三心”服务实施办法》第九条：一般家庭每季度上门家访不少于1次，重点服务家庭每月上门家访不少于1次";
}
