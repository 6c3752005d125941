using HuaXin.Bot.Core;
using HuaXin.Bot.People;
using HuaXin.Bot.Reports.Archive;
using HuaXin.Bot.Reports.Roster;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace HuaXin.Bot.Tests.Reports;

/// <summary>Roster import from .xlsx and .csv: a good file, the bad-rows report, all-or-nothing, and re-import by 工号.</summary>
public sealed class RosterImportTests : IAsyncLifetime
{
    private ReportsHost _host = null!;

    public async Task InitializeAsync() => _host = await ReportsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_good_xlsx_roster_with_families_is_imported()
    {
        var workers = Xlsx("workers.xlsx",
            Worker("A001", "张一", "一车间", 13805310001, "ding-1", "", "山东章丘"),
            Worker("A002", "张二", "一车间", null, "", "teams-2", ""),
            Worker("B001", "李一", "二车间", 13805310003, "", "", "河北"));
        var families = Xlsx("families.xlsx",
            Member("A001", "张母", "母亲", "0531-88886602", "章丘区明水街道"),
            Member("A001", "小张", "儿子", "", ""),
            Member("B001", "李妻", "妻子", "138 0531 0004", ""));

        var result = await Import(workers, families);

        Assert.True(result.Imported, string.Join("\n", result.Problems));
        Assert.Equal((3, 0, 3, 0), (result.WorkersAdded, result.WorkersUpdated, result.MembersAdded, result.MembersUpdated));
        var archive = await _host.Get<ServiceArchive>().GetAsync("A001");
        Assert.NotNull(archive);
        Assert.Equal(("张一", "一车间", "13805310001", "山东章丘"), (archive.WorkerName, archive.Unit, archive.Phone, archive.Hometown));
        // Relations as people type them are stored as the archive's relations; phone numbers without separators.
        Assert.Equal([new ArchiveMember("张母", "母亲", "053188886602", "章丘区明水街道"), new ArchiveMember("小张", "子女", null, null)], archive.Members);
        var teams = await _host.QueryAsync(db => db.Set<Worker>().Include(w => w.ChannelIdentities).SingleAsync(w => w.StaffId == "A002"));
        Assert.Equal((ChannelNames.Teams, "teams-2"), (teams.ChannelIdentities.Single().Channel, teams.ChannelIdentities.Single().ExternalId));
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_row_and_field_and_nothing_is_imported()
    {
        var workers = Csv("workers.csv", """
            工号,姓名,单位/车间,电话,钉钉ID,Teams ID,籍贯
            A001,张一,一车间,13805310001,,,
            A002,,一车间,12345,,,
            A001,张三,二车间,,,,
            """);
        var families = Csv("families.csv", """
            工号,姓名,关系,电话,地址
            A001,张母,母亲,,
            A009,王某,父亲,,
            A001,张叔,叔叔,,
            """);

        var result = await Import(workers, families);

        Assert.False(result.Imported);
        Assert.Equal(
        [
            new RosterProblem("职工名单", 3, "姓名", "必填项为空"),
            new RosterProblem("职工名单", 3, "电话", "电话号码格式不正确：12345"),
            new RosterProblem("职工名单", 4, "工号", "工号 A001 与第 2 行重复"),
            new RosterProblem("家庭成员", 3, "工号", "工号 A009 不在职工名单中"),
            new RosterProblem("家庭成员", 4, "关系", "无法识别的关系“叔叔”，可填：父亲、母亲、配偶、子女、岳父母、公婆、其他"),
        ], result.Problems);
        // All or nothing: the good rows were not written either.
        Assert.Equal(0, await _host.QueryAsync(db => db.Set<Worker>().CountAsync()));
    }

    [Fact]
    public async Task Missing_columns_are_reported_on_the_header_row()
    {
        var result = await Import(Csv("workers.csv", "工号,姓名\nA001,张一\n"), null);

        Assert.Equal([new RosterProblem("职工名单", 1, "单位/车间", "缺少此列")], result.Problems);
    }

    [Fact]
    public async Task Re_import_updates_workers_by_staff_id_and_members_by_name()
    {
        await Import(Csv("v1.csv", "工号,姓名,单位/车间,电话,钉钉ID\nA001,张一,一车间,13805310001,ding-1\n"),
            Csv("f1.csv", "工号,姓名,关系,电话,地址\nA001,张母,母亲,13805310009,旧址\n"));
        var registeredAt = (await _host.QueryAsync(db => db.Set<Worker>().SingleAsync())).RegisteredAt;
        _host.Time.Advance(TimeSpan.FromDays(30));

        // The second roster moves 张一 to 二车间, leaves 钉钉ID empty, and changes his mother's address.
        var result = await Import(Csv("v2.csv", "工号,姓名,单位/车间,电话,钉钉ID\nA001,张一,二车间,13805310002,\nA002,张二,一车间,,\n"),
            Csv("f2.csv", "工号,姓名,关系,电话,地址\nA001,张母,母亲,,新址\n"));

        Assert.Equal((1, 1, 0, 1), (result.WorkersAdded, result.WorkersUpdated, result.MembersAdded, result.MembersUpdated));
        var worker = await _host.QueryAsync(db => db.Set<Worker>().Include(w => w.FamilyMembers).Include(w => w.ChannelIdentities).SingleAsync(w => w.StaffId == "A001"));
        // Empty optional cells keep what was stored (the binding to ding-1 and the mother's phone).
        Assert.Equal(("二车间", "13805310002", "ding-1", registeredAt), (worker.Unit, worker.Phone, worker.ChannelIdentities.Single().ExternalId, worker.RegisteredAt));
        Assert.Equal(("13805310009", "新址"), (worker.FamilyMembers.Single().Phone, worker.FamilyMembers.Single().Address));
    }

    private Task<RosterImportResult> Import(string workers, string? families) =>
        _host.Get<RosterImporter>().ImportAsync(RosterTable.Read(workers), families is null ? null : RosterTable.Read(families));

    private static Dictionary<string, object?> Worker(string staffId, string name, string unit, long? phone, string dingTalk, string teams, string hometown) =>
        // Phone as a number, as Excel keeps a typed-in mobile number.
        new() { ["工号"] = staffId, ["姓名"] = name, ["单位/车间"] = unit, ["电话"] = phone, ["钉钉ID"] = dingTalk, ["Teams ID"] = teams, ["籍贯"] = hometown };

    private static Dictionary<string, object?> Member(string staffId, string name, string relation, string phone, string address) =>
        new() { ["工号"] = staffId, ["姓名"] = name, ["关系"] = relation, ["电话"] = phone, ["地址"] = address };

    private string Xlsx(string name, params Dictionary<string, object?>[] rows)
    {
        var path = _host.TempFile(name);
        MiniExcel.SaveAs(path, rows);
        return path;
    }

    private string Csv(string name, string text)
    {
        var path = _host.TempFile(name);
        // With a byte order mark, as Excel saves "CSV UTF-8".
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }
}
