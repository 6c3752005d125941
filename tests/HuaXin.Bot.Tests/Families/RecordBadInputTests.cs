using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using HuaXin.Bot.Data;
using HuaXin.Bot.Families;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.People;
using HuaXin.Bot.Tests.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Tests.Families;

/// <summary>Issue 19's "bad input in every new form and import gets a clear message and changes nothing", for the forms
/// and import kinds <see cref="ServiceRecordPageTests"/> does not refuse: each bad post is answered with what is wrong,
/// and the database (and the outbox) is as it was.</summary>
public sealed partial class RecordBadInputTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    private const string Family = "/console/families/HX1001";

    private static string Day(int daysAgo) => TicketCards.Local(DateTimeOffset.UtcNow.AddDays(-daysAgo))[..10];

    /// <summary>Every row the service records touch, so "changes nothing" is checked whole.</summary>
    private Task<string> SnapshotAsync() => app.QueryAsync(async db => string.Join(",",
        await db.Set<ServiceVisit>().CountAsync(), await db.Set<Condolence>().CountAsync(), await db.Set<Volunteer>().CountAsync(),
        await db.Set<VolunteerAssignment>().CountAsync(), await db.Set<AidCase>().CountAsync(), await db.Set<AidStep>().CountAsync(),
        await db.Set<AidPayment>().CountAsync(), await db.Set<FamilyLink>().CountAsync(), await db.ServiceRequestHistory.CountAsync(),
        await db.OutboxMessages.CountAsync()));

    [Fact]
    public async Task Condolence_volunteer_and_hours_imports_refuse_the_whole_file_and_name_each_bad_row()
    {
        await app.SeedFamilyAsync();
        var union = await app.SignedInAsync("union");
        var day = Day(1);
        var before = await SnapshotAsync();

        var condolences = await UploadAsync(union, "Condolences", "c.csv",
            $"工号,慰问时间,事由,慰问品,慰问金,慰问人\nHX1001,{day},春节,米面油,500,王工会\nHX7777,{day},春节,,300,王工会\nHX1001,{day},中秋,,五百,王工会\nHX1001,{day},中秋,,,王工会\n");
        var volunteers = await UploadAsync(union, "Volunteers", "v.csv", "姓名,电话,分队\n小赵,13800003333,一车间团支部\n小钱,12345,一车间团支部\n,13800004444,\n");
        var hours = await UploadAsync(union, "VolunteerHours", "h.csv",
            $"志愿者,工号,服务类型,服务日期,时长\n没这人,HX1001,代购,{day},1.5\n没这人,HX7777,跳舞,明天,0.3\n");

        var c = await ProblemsAsync(condolences);
        Assert.Contains("HX7777 不在职工名册中", c);
        Assert.Contains("“五百”不是金额", c);
        Assert.Contains("<td data-label=\"字段\">慰问品或慰问金</td><td data-label=\"问题\">至少填一项</td>", c);
        Assert.Contains("<td data-label=\"行\">4</td>", c);
        Assert.DoesNotContain("导入完成", c);
        Assert.Contains("“12345”不是电话号码", await ProblemsAsync(volunteers));
        Assert.Contains("<td data-label=\"字段\">姓名</td>", await ProblemsAsync(volunteers));
        var h = await ProblemsAsync(hours);
        Assert.Contains("名册中没有志愿者“没这人”", h);
        Assert.Contains("HX7777 不在职工名册中", h);
        Assert.Contains("“跳舞”不在可选项中", h);
        Assert.Contains("“明天”不是日期", h);
        Assert.Contains("按半小时计", h);
        Assert.Equal(before, await SnapshotAsync());

        // The same kinds take a good file, so the refusals above are about the rows, not the kind.
        var good = await UploadAsync(union, "Condolences", "c.csv", $"工号,慰问时间,事由,慰问品,慰问金,慰问人\nHX1001,{day} 15:00,春节,米面油,500,王工会\n");
        Assert.Contains("导入完成：慰问记录 1 条", await good.Content.ReadAsStringAsync());
        Assert.Contains("春节慰问：米面油；慰问金500元", await union.GetStringAsync(Family));
    }

    [Fact]
    public async Task A_record_file_that_cannot_be_read_or_lacks_a_column_is_refused_with_the_reason()
    {
        await app.SeedFamilyAsync();
        var union = await app.SignedInAsync("union");
        var before = await SnapshotAsync();

        var noFile = await UploadAsync(union, "Visits", null, null);
        var wrongType = await UploadAsync(union, "Visits", "visits.txt", "工号,走访时间\n");
        var notExcel = await UploadAsync(union, "Visits", "visits.xlsx", "这不是表格");
        var missingColumn = await UploadAsync(union, "Visits", "visits.csv", $"工号,走访时间,方式,走访人\nHX1001,{Day(1)},上门走访,刘联络\n");
        var headerOnly = await UploadAsync(union, "Visits", "visits.csv", "工号,走访时间,方式,走访人,家庭近况\n");
        var unknownKind = await UploadAsync(union, "Payroll", "visits.csv", $"工号,走访时间,方式,走访人,家庭近况\nHX1001,{Day(1)},上门走访,刘联络,好\n");

        Assert.Contains("请选择要导入的文件", StatusMessage(await ProblemsAsync(noFile)));
        Assert.Contains("不支持的文件类型“.txt”", StatusMessage(await ProblemsAsync(wrongType)));
        Assert.Contains("Excel", StatusMessage(await ProblemsAsync(notExcel)));
        var missing = await ProblemsAsync(missingColumn);
        Assert.Contains("家庭近况", missing);
        Assert.Contains("缺少此列", missing);
        Assert.Contains("表中没有数据行", await ProblemsAsync(headerOnly));
        Assert.Contains("请选择要导入的记录类型", StatusMessage(await ProblemsAsync(unknownKind)));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Aid_forms_refuse_bad_input_and_leave_the_case_as_it_was()
    {
        await app.SeedFamilyAsync();
        var union = await app.SignedInAsync("union");
        var form = "/console/aid/new?family=HX1001";
        var before = await SnapshotAsync();

        var empty = await ConsoleAppFactory.PostFormAsync(union, form, form, []);
        var future = await ConsoleAppFactory.PostFormAsync(union, form, form, new()
        {
            ["Input.HardshipType"] = "重大疾病", ["Input.Level"] = "一般困难", ["Input.Kind"] = "一次性救助", ["Input.Application"] = "住院",
            ["Input.AppliedAt"] = "2099-01-01T10:00", ["Input.TicketNumber"] = "HX-20990101-0001",
        });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var refusal = StatusMessage(await empty.Content.ReadAsStringAsync());
        Assert.Contains("困难类型必填", refusal);
        Assert.Contains("申请事由必填", refusal);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var late = StatusMessage(await future.Content.ReadAsStringAsync());
        Assert.Contains("申请时间不能晚于现在", late);
        Assert.Contains("没有编号为 HX-20990101-0001 的工单", late);
        Assert.Equal(before, await SnapshotAsync());

        var opened = await ConsoleAppFactory.PostFormAsync(union, form, form, new()
        {
            ["Input.HardshipType"] = "重大疾病", ["Input.Level"] = "一般困难", ["Input.Kind"] = "一次性救助", ["Input.Application"] = "母亲住院，自付较多",
        });
        var page = opened.Headers.Location!.OriginalString;
        var number = page.Split('/').Last();
        var aid = await AidAsync(number);
        var caseBefore = await SnapshotAsync();

        // Each bad step: the page says why, in its message.
        Assert.Contains("不通过的原因必填", await StepAsync(union, page, "Check", new() { ["passed"] = "false" }));
        Assert.Contains("备注必填", await StepAsync(union, page, "Note", new() { ["note"] = "   " }));
        Assert.Contains("备注太长", await StepAsync(union, page, "Note", new() { ["note"] = new string('长', 1001) }));
        Assert.Contains("没有「车间」这个部门", await StepAsync(union, page, "AddCoHandler", new() { ["department"] = "车间" }));
        Assert.Contains("车间工会已经在协办", await StepAsync(union, page, "AddCoHandler", new() { ["department"] = "车间工会" }));
        Assert.Contains("团委没有在协办", await StepAsync(union, page, "RemoveCoHandler", new() { ["department"] = "团委" }));
        Assert.Contains("不能审批", await StepAsync(union, page, "Decide", new() { ["approved"] = "true", ["amount"] = "1000" }));
        Assert.Contains("不能发放", await StepAsync(union, page, "Pay", new() { ["amount"] = "1000", ["paidOn"] = Day(0) }));
        Assert.Contains("不能结案", await StepAsync(union, page, "Close", new() { ["note"] = "结了" }));

        var after = await AidAsync(number);
        Assert.Equal((aid.Status, aid.Version, aid.Steps.Count, aid.CoHandlers.Count), (after.Status, after.Version, after.Steps.Count, after.CoHandlers.Count));
        Assert.Equal(caseBefore, await SnapshotAsync());
    }

    [Fact]
    public async Task Ticket_console_forms_refuse_bad_input_and_change_nothing()
    {
        await app.SeedFamilyAsync();
        var n = await app.CreateTicketAsync("集团工会", userId: "fam-bad");
        var union = await app.SignedInAsync("union");
        var page = $"/console/tickets/{n}";
        var ticket = await app.TicketAsync(n);
        var before = await SnapshotAsync();

        var empty = await ConsoleAppFactory.PostFormAsync(union, page, $"{page}?handler=Note", new() { ["note"] = "  " });
        var tooLong = await ConsoleAppFactory.PostFormAsync(union, page, $"{page}?handler=Note", new() { ["note"] = new string('长', 1001) });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请写上备注内容", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("备注太长了", await tooLong.Content.ReadAsStringAsync());
        Assert.Contains("没有「车间」这个部门", await ActAsync(union, page, "AddCoHandler", new() { ["department"] = "车间" }));
        Assert.Contains("不必再协办", await ActAsync(union, page, "AddCoHandler", new() { ["department"] = "集团工会" }));
        Assert.Contains("后勤管理中心没有在协办", await ActAsync(union, page, "RemoveCoHandler", new() { ["department"] = "后勤管理中心" }));
        Assert.Contains("未作更改", await ActAsync(union, page, "LinkFamily", new() { ["workerId"] = "999999" }));

        var after = await app.TicketAsync(n);
        Assert.Equal((ticket.Status, ticket.Version, ticket.History.Count, ticket.CoHandlers.Count), (after.Status, after.Version, after.History.Count, after.CoHandlers.Count));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Liaison_and_volunteer_forms_refuse_bad_input_and_change_nothing()
    {
        var familyId = await app.SeedFamilyAsync();
        var union = await app.SignedInAsync("union");
        var family = await app.QueryAsync(db => db.Set<Worker>().AsNoTracking().SingleAsync(w => w.Id == familyId));
        var before = await SnapshotAsync();

        Assert.Contains("职工名册中没有工号 NOPE", await LiaisonAsync(union, "NOPE"));
        Assert.Contains("联络员不能是本户职工自己", await LiaisonAsync(union, "HX1001"));
        var unchanged = await app.QueryAsync(db => db.Set<Worker>().AsNoTracking().SingleAsync(w => w.Id == familyId));
        Assert.Equal((family.LiaisonId, family.Priority), (unchanged.LiaisonId, unchanged.Priority));

        var assign = "/console/volunteers/assign?family=HX1001";
        var nobody = await ConsoleAppFactory.PostFormAsync(union, assign, assign, new() { ["Input.VolunteerId"] = "999999", ["Input.Kind"] = "跳舞", ["Input.VisitId"] = "abc" });
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        var refused = StatusMessage(await nobody.Content.ReadAsStringAsync());
        Assert.Contains("请从名册中选择一位志愿者", refused);
        Assert.Contains("“跳舞”不在可选项中", refused);
        Assert.Contains("不是这户家庭的走访记录", refused);

        var noName = await ConsoleAppFactory.PostFormAsync(union, "/console/volunteers", "/console/volunteers?handler=Add", new() { ["Input.Phone"] = "13800005555" });
        var unknownActive = await ConsoleAppFactory.PostFormAsync(union, "/console/volunteers", "/console/volunteers?handler=Active", new() { ["id"] = "999999", ["active"] = "false" });
        var unknownHours = await ConsoleAppFactory.PostFormAsync(union, "/console/volunteers", "/console/volunteers?handler=Hours",
            new() { ["id"] = "999999", ["servedOn"] = Day(0), ["hours"] = "2" });
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("姓名必填", StatusMessage(await noName.Content.ReadAsStringAsync()));
        Assert.Contains("没有这位志愿者", StatusMessage(await ProblemsAsync(unknownActive)));
        Assert.Contains("没有找到这次派单", StatusMessage(await ProblemsAsync(unknownHours)));
        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<string> LiaisonAsync(HttpClient client, string liaison)
    {
        await ConsoleAppFactory.PostFormAsync(client, Family, $"{Family}?handler=Liaison", new() { ["liaison"] = liaison, ["priority"] = "true" });
        return StatusMessage(await client.GetStringAsync(Family));
    }

    /// <summary>An aid step posted from its page; the message the page shows after it.</summary>
    private static async Task<string> StepAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var response = await ConsoleAppFactory.PostFormAsync(client, page, $"{page}?handler={handler}", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return StatusMessage(await client.GetStringAsync(page));
    }

    /// <summary>A ticket step posted from its page; the message shown, on the page answered (bad input) or the one redirected to.</summary>
    private static async Task<string> ActAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var response = await ConsoleAppFactory.PostFormAsync(client, page, $"{page}?handler={handler}", fields);
        return StatusMessage(response.StatusCode == HttpStatusCode.Redirect ? await client.GetStringAsync(page) : await response.Content.ReadAsStringAsync());
    }

    /// <summary>The refusal the page shows (class "message error", as a status after a redirect or an alert on the form
    /// answered again); fails when the page shows none.</summary>
    private static string StatusMessage(string html) =>
        ErrorMessage().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no error message on the page");

    private static async Task<string> ProblemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<AidCase> AidAsync(string number) =>
        app.QueryAsync(db => db.Set<AidCase>().AsNoTracking().Include(a => a.Steps).Include(a => a.CoHandlers).SingleAsync(a => a.Number == number));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, string? fileName, string? content)
    {
        var page = await client.GetStringAsync("/console/records/import");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
        };
        if (fileName is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content!));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", fileName);
        }
        return await client.PostAsync("/console/records/import", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<p class=\"message error\" role=\"(?:status|alert)\">([^<]*)</p>")]
    private static partial Regex ErrorMessage();
}
