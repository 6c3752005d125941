using System.Runtime.CompilerServices;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge;
using HuaXin.Bot.Knowledge.Answering;
using HuaXin.Bot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>A docs folder in a fresh temp directory and a fresh database, with the knowledge services wired as in the host.</summary>
public sealed class KnowledgeFixture : IAsyncDisposable
{
    public const string Hardship = """
        ---
        id: hardship
        title: 困难职工帮扶救助管理办法
        category: regulation
        effective: 2025-01-01
        owner: 集团工会
        ---
        # 困难职工帮扶救助管理办法

        ## 第一章 总则

        ### 第一条

        为规范困难职工帮扶救助工作，保障外出职工家庭基本生活，制定本办法。

        ## 第二章 救助对象和标准

        ### 第五条

        家庭月人均收入低于当地最低生活保障标准的职工家庭，或者本人及家庭成员患重大疾病导致生活困难的，可以认定为困难职工家庭。

        ### 第六条

        一次性救助按困难程度分档发放，标准为2000元至10000元：一般困难2000元，较重困难5000元，特别困难8000元至10000元。

        ### 第七条

        对困难职工家庭实行定期帮扶，每月发放生活补助500元，最长不超过12个月。
        """;

    public const string Education = """
        ---
        id: education
        title: 职工子女助学办法
        category: regulation
        ---
        # 职工子女助学办法

        ## 第二章 助学标准

        ### 第五条

        职工子女当年考入全日制普通高校本科的，一次性发放助学金3000元；考入专科的，发放2000元。

        ### 第六条

        困难职工家庭子女就读小学、初中的，每学年发放助学金500元。
        """;

    public const string HomeLeave = """
        ---
        id: home-leave
        title: 外出职工探亲休假规定
        category: guide
        ---
        ## 一、探亲假期

        在外地项目连续工作满六个月的已婚职工，每年可以享受探亲假一次，假期二十天，往返路费由单位报销。

        ## 二、申请程序

        探亲假须提前七天提出申请，由项目负责人签字批准。
        """;

    private readonly ServiceProvider _services;
    private readonly TestDatabase _database;

    private KnowledgeFixture(string root, ServiceProvider services, TestDatabase database)
    {
        Root = root;
        _services = services;
        _database = database;
    }

    public string Root { get; }

    public string Docs => Path.Combine(Root, "docs");

    public IServiceProvider Services => _services;

    public FakeTimeProvider Time => (FakeTimeProvider)_services.GetRequiredService<TimeProvider>();

    /// <summary>The shipped lexicon, found from this source file so it works whatever the build output folder is.</summary>
    public static string LexiconPath([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "knowledge", "lexicon.yaml"));

    /// <param name="clauseModel">Use the shipped clause model (ranking and unseen-topic threshold) instead of none.</param>
    public static async Task<KnowledgeFixture> CreateAsync(IReadOnlyDictionary<string, string>? files = null, ILoggerProvider? logs = null, bool clauseModel = false)
    {
        var root = Path.Combine(Path.GetTempPath(), "huaxin-knowledge-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "docs"));
        foreach (var (name, content) in files ?? DefaultCorpus)
        {
            var path = Path.Combine(root, "docs", name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content);
        }
        var database = new TestDatabase();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:DocsPath"] = "docs",
            ["Knowledge:LexiconPath"] = LexiconPath(),
            ["Knowledge:Watch"] = "false",
            ["Knowledge:ClauseModelPath"] = clauseModel ? Path.Combine(RepoPaths.Knowledge, "clause-model.json") : "clause-model.json",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs ?? NullLoggerProvider.Instance));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero)));
        services.AddHuaXinDatabase(configuration, root);
        services.AddHuaXinKnowledge(configuration, root);
        // Curated answers are the knowledge upkeep's (Reports); these tests search only.
        services.AddSingleton<ICuratedAnswers>(new NoCuratedAnswers());
        var provider = services.BuildServiceProvider();
        await provider.InitializeDatabaseAsync();
        return new KnowledgeFixture(root, provider, database);
    }

    public static IReadOnlyDictionary<string, string> DefaultCorpus { get; } = new Dictionary<string, string>
    {
        ["hardship.md"] = Hardship,
        ["sub/education.md"] = Education,
        ["home-leave.md"] = HomeLeave,
    };

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind must not fail a test.
        }
    }
}

internal sealed class NoCuratedAnswers : ICuratedAnswers
{
    public Citation? Find(string question) => null;
}
