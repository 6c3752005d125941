using HuaXin.Bot.Reports.Roster;

namespace HuaXin.Bot.Cli;

/// <summary>"import-roster": loads the worker roster and family members from .xlsx/.csv into the service archive.</summary>
internal static class ImportRosterCommand
{
    private const string Usage = """
        usage: import-roster --workers <file.xlsx|csv> [--families <file.xlsx|csv>]

          --workers    columns 工号, 姓名, 单位/车间, 电话, 钉钉ID, Teams ID, 籍贯
          --families   columns 工号, 姓名, 关系, 电话, 地址
        Nothing is imported when any row has a problem; the problems are listed (exit code 1).
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options(args);
        if (options is null || !options.TryGetValue("--workers", out var workersPath))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var familiesPath = options.GetValueOrDefault("--families");
        foreach (var path in new[] { workersPath, familiesPath }.OfType<string>().Where(p => !File.Exists(p)))
        {
            Console.Error.WriteLine($"文件不存在：{path}");
            return 2;
        }

        RosterTable workers;
        RosterTable? families;
        try
        {
            workers = RosterTable.Read(workersPath);
            families = familiesPath is null ? null : RosterTable.Read(familiesPath);
        }
        catch (RosterFormatException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        await using var app = await CommandHost.BuildAsync([]);
        var result = await app.Services.GetRequiredService<RosterImporter>().ImportAsync(workers, families);
        if (!result.Imported)
        {
            Console.Error.WriteLine($"未导入：发现 {result.Problems.Count} 处问题，请修改后重新导入。");
            foreach (var p in result.Problems)
            {
                Console.Error.WriteLine($"  {p.Sheet} 第 {p.Row} 行 [{p.Field}]：{p.Reason}");
            }
            return 1;
        }
        Console.WriteLine($"导入完成：新增职工 {result.WorkersAdded} 人，更新 {result.WorkersUpdated} 人；新增家庭成员 {result.MembersAdded} 人，更新 {result.MembersUpdated} 人。");
        return 0;
    }

    private static Dictionary<string, string>? Options(string[] args)
    {
        if (args.Length % 2 != 0)
        {
            return null;
        }
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] is not ("--workers" or "--families") || !options.TryAdd(args[i], args[i + 1]))
            {
                return null;
            }
        }
        return options;
    }
}
