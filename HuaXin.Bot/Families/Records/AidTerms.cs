namespace HuaXin.Bot.Families.Records;

/// <summary>The words of 困难职工帮扶救助管理办法 an aid case is described in.</summary>
public static class AidTerms
{
    /// <summary>第四条: 集团工会 approves and pays.</summary>
    public const string Lead = "集团工会";

    /// <summary>第四条: the 车间工会 verifies at home and checks first (初审).</summary>
    public const string FirstCheck = "车间工会";

    /// <summary>第五条.</summary>
    public static readonly IReadOnlyList<string> HardshipTypes = ["收入低于低保1.5倍", "重大疾病", "意外事故或灾害", "单亲抚养或赡养失能老人", "其他"];

    /// <summary>第六条.</summary>
    public static readonly IReadOnlyList<string> Levels = ["一般困难", "较重困难", "特别困难"];

    /// <summary>第六、七、十三条.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["一次性救助", "定期帮扶", "紧急救助"];

    /// <summary>第十二条: 7 working days from the application to the decision.</summary>
    public const int DecisionWorkingDays = 7;
}
