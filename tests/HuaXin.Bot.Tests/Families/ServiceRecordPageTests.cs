using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Families;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.People;
using HuaXin.Bot.Tests.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.Families;

/// <summary>Service records entered in the console — 走访, 慰问, 帮扶救助 with its steps and payments, “星火365”, the
/// 联络员 — and imported from spreadsheets: good input is saved, bad input gets a clear message and changes nothing.</summary>
public sealed partial class ServiceRecordPageTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    private const string Family = "/console/families/HX1001";

    private static string Now(int minutesAgo = 5) => TicketCards.Local(DateTimeOffset.UtcNow.AddMinutes(-minutesAgo)).Replace(' ', 'T');

    private Task<int> CountAsync<T>() where T : class => app.QueryAsync(db => db.Set<T>().CountAsync());

    [Fact]
    public async Task A_visit_is_recorded_from_the_form_and_bad_input_saves_nothing()
    {
        await app.SeedFamilyAsync();
        var union = await app.SignedInAsync("union");
        var form = $"{Family}/visit";
        var before = await CountAsync<ServiceVisit>();

        var bad = await ConsoleAppFactory.PostFormAsync(union, form, form, new() { ["Input.VisitedAt"] = "2099-01-01T10:00", ["Input.Findings"] = "老人身体还行" });
        var notADate = await ConsoleAppFactory.PostFormAsync(union, form, form,
            new() { ["Input.VisitedAt"] = "上周三", ["Input.Visitors"] = "刘联络员", ["Input.Findings"] = "老人身体还行", ["Input.Mode"] = "上门走访" });
        var otherDepartment = await ConsoleAppFactory.PostFormAsync(await app.SignedInAsync("logistics"), "/console/tickets", form,
            new() { ["Input.VisitedAt"] = Now(), ["Input.Visitors"] = "李后勤", ["Input.Findings"] = "看看" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var message = await bad.Content.ReadAsStringAsync();
        Assert.Contains("走访时间不能晚于现在", message);
        Assert.Contains("走访人必填", message);
        Assert.Contains("“上周三”不是日期", await notADate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, otherDepartment.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("logistics")).GetAsync(form)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await union.GetAsync("/console/families/NOBODY/visit")).StatusCode);
        Assert.Equal(before, await CountAsync<ServiceVisit>());

        var good = await ConsoleAppFactory.PostFormAsync(union, form, form, new()
        {
            ["Input.VisitedAt"] = Now(), ["Input.Mode"] = "上门走访", ["Input.Visitors"] = "刘联络员、王工会", ["Input.MetMembers"] = "王秀英",
            ["Input.Findings"] = "老人腿脚不便，冬衣不够", ["Input.FollowUp"] = "下周送棉衣", ["Input.Attachments"] = "走访记录表（签字）.jpg",
        });

        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(before + 1, await CountAsync<ServiceVisit>());
        var archive = await union.GetStringAsync(Family);
        Assert.Contains("已记录上门走访", archive);
        Assert.Contains("上门走访：刘联络员、王工会", archive);
        Assert.Contains("老人腿脚不便，冬衣不够", archive);
    }

    [Fact]
    public async Task A_condolence_needs_a_gift_or_an_amount_and_the_amount_must_be_a_number()
    {
        await app.SeedFamilyAsync();
        var union = await app.SignedInAsync("union");
        var form = $"{Family}/condolence";
        var before = await CountAsync<Condolence>();

        var nothing = await ConsoleAppFactory.PostFormAsync(union, form, form, new() { ["Input.At"] = Now(), ["Input.Occasion"] = "中秋", ["Input.Visitors"] = "王工会" });
        var words = await ConsoleAppFactory.PostFormAsync(union, form, form,
            new() { ["Input.At"] = Now(), ["Input.Occasion"] = "中秋", ["Input.Visitors"] = "王工会", ["Input.Amount"] = "五百" });
        var negative = await ConsoleAppFactory.PostFormAsync(union, form, form,
            new() { ["Input.At"] = Now(), ["Input.Occasion"] = "中秋", ["Input.Visitors"] = "王工会", ["Input.Amount"] = "-5" });

        Assert.Contains("慰问品或慰问金至少填一项", await nothing.Content.ReadAsStringAsync());
        Assert.Contains("“五百”不是金额", await words.Content.ReadAsStringAsync());
        Assert.Contains("应在 0 到", await negative.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountAsync<Condolence>());

        await ConsoleAppFactory.PostFormAsync(union, form, form,
            new() { ["Input.At"] = Now(), ["Input.Occasion"] = "中秋", ["Input.Visitors"] = "王工会", ["Input.Gift"] = "月饼两盒", ["Input.Amount"] = "500" });

        var saved = await app.QueryAsync(db => db.Set<Condolence>().OrderBy(c => c.Id).LastAsync());
        Assert.Equal(("中秋", "月饼两盒", 500m, "集团工会", "王工会"), (saved.Occasion, saved.Gift, saved.Amount!.Value, saved.Department, saved.RecordedByName));
        Assert.Contains("中秋慰问：月饼两盒；慰问金500元", await union.GetStringAsync(Family));
    }

    [Fact]
    public async Task An_aid_case_goes_through_first_check_approval_and_payments_and_every_refusal_changes_nothing()
    {
        await app.SeedFamilyAsync();
        var union = await app.SignedInAsync("union");
        var workshop = await app.SignedInAsync("workshop");

        var incomplete = await ConsoleAppFactory.PostFormAsync(union, "/console/aid/new?family=HX1001", "/console/aid/new?family=HX1001",
            new() { ["Input.HardshipType"] = "欠债", ["Input.Kind"] = "一次性救助", ["Input.Application"] = "母亲住院" });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var refusal = await incomplete.Content.ReadAsStringAsync();
        Assert.Contains("“欠债”不在可选项中", refusal);
        Assert.Contains("困难程度必填", refusal);
        var casesBefore = await CountAsync<AidCase>();

        var opened = await ConsoleAppFactory.PostFormAsync(union, "/console/aid/new?family=HX1001", "/console/aid/new?family=HX1001", new()
        {
            ["Input.HardshipType"] = "重大疾病", ["Input.Level"] = "较重困难", ["Input.Kind"] = "一次性救助", ["Input.Application"] = "母亲住院，自付医疗费超过家庭年收入一半",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(casesBefore + 1, await CountAsync<AidCase>());
        var page = opened.Headers.Location!.OriginalString;
        var number = page.Split('/').Last();
        Assert.Contains(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith($"aid:{number}:")).Select(m => m.Address).ToListAsync()),
            a => a == "group:workshop");

        // 车间工会 co-handles: it does the first check but cannot approve.
        Assert.Contains("初审", await workshop.GetStringAsync(page));
        await ConsoleAppFactory.PostFormAsync(workshop, page, $"{page}?handler=Check", new() { ["passed"] = "true", ["note"] = "已入户核实，情况属实" });
        await ConsoleAppFactory.PostFormAsync(workshop, page, $"{page}?handler=Decide", new() { ["approved"] = "true", ["amount"] = "5000" });
        Assert.Contains("只有主办部门可以办理", await workshop.GetStringAsync(page));
        await ConsoleAppFactory.PostFormAsync(union, page, $"{page}?handler=Decide", new() { ["approved"] = "true", ["amount"] = "五千" });
        Assert.Contains("“五千”不是金额", await union.GetStringAsync(page));
        Assert.Equal(AidStatus.AwaitingDecision, (await AidAsync(number)).Status);

        await ConsoleAppFactory.PostFormAsync(union, page, $"{page}?handler=Decide", new() { ["approved"] = "true", ["amount"] = "5000", ["note"] = "按较重困难标准" });
        await ConsoleAppFactory.PostFormAsync(union, page, $"{page}?handler=Pay", new() { ["amount"] = "3000", ["paidOn"] = Now()[..10] });
        await ConsoleAppFactory.PostFormAsync(union, page, $"{page}?handler=Pay", new() { ["amount"] = "3000", ["paidOn"] = Now()[..10] });
        Assert.Contains("最多还能发放2000元", await union.GetStringAsync(page));
        await ConsoleAppFactory.PostFormAsync(union, page, $"{page}?handler=Pay", new() { ["amount"] = "2000", ["paidOn"] = "2099-01-01" });
        Assert.Contains("发放日期不能晚于现在", await union.GetStringAsync(page));
        await ConsoleAppFactory.PostFormAsync(union, page, $"{page}?handler=Pay", new() { ["amount"] = "2000", ["paidOn"] = Now()[..10], ["note"] = "转账至职工银行卡" });
        await ConsoleAppFactory.PostFormAsync(union, page, $"{page}?handler=Close", new() { ["note"] = "已全部发放" });

        var aid = await AidAsync(number);
        Assert.Equal((AidStatus.Closed, 5000m), (aid.Status, aid.ApprovedAmount!.Value));
        Assert.Equal([3000m, 2000m], aid.Payments.OrderBy(p => p.Id).Select(p => p.Amount));
        Assert.Equal(["申请", "初审", "审批", "发放", "发放", "结案"], aid.Steps.OrderBy(s => s.Id).Select(s => s.Action));
        Assert.Equal("车间工会", aid.Steps.Single(s => s.Action == "初审").ActorDepartment);
        var history = await union.GetStringAsync(page);
        Assert.Contains("刘车间（车间工会）", history);
        Assert.Contains("救助发放", await union.GetStringAsync(Family));
    }

    [Fact]
    public async Task Volunteers_are_added_sent_to_a_family_and_their_hours_recorded_with_bad_input_refused()
    {
        await app.SeedFamilyAsync();
        var union = await app.SignedInAsync("union");
        var other = await app.CreateTicketAsync("集团工会", userId: "someone-else");
        var own = await app.CreateTicketAsync("集团工会", userId: "web-mum");

        var badPhone = await ConsoleAppFactory.PostFormAsync(union, "/console/volunteers", "/console/volunteers?handler=Add",
            new() { ["Input.Name"] = "小周", ["Input.Phone"] = "12345" });
        Assert.Contains("“12345”不是电话号码", await badPhone.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.QueryAsync(db => db.Set<Volunteer>().CountAsync(v => v.Name == "小周")));
        await ConsoleAppFactory.PostFormAsync(union, "/console/volunteers", "/console/volunteers?handler=Add",
            new() { ["Input.Name"] = "小周", ["Input.Phone"] = "138-0000-1111", ["Input.Team"] = "一车间团支部", ["Input.Skills"] = "陪诊" });
        var volunteer = await app.QueryAsync(db => db.Set<Volunteer>().SingleAsync(v => v.Name == "小周"));
        Assert.Equal("13800001111", volunteer.Phone);

        var assign = "/console/volunteers/assign?family=HX1001";
        var wrongTicket = await ConsoleAppFactory.PostFormAsync(union, assign, assign,
            new() { ["Input.VolunteerId"] = volunteer.Id.ToString(), ["Input.Kind"] = "陪诊", ["Input.TicketNumber"] = other });
        Assert.Contains($"{other} 不是这户家庭的工单", await wrongTicket.Content.ReadAsStringAsync());
        var sent = await ConsoleAppFactory.PostFormAsync(union, assign, assign,
            new() { ["Input.VolunteerId"] = volunteer.Id.ToString(), ["Input.Kind"] = "陪诊", ["Input.TicketNumber"] = own });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var assignment = await app.QueryAsync(db => db.Set<VolunteerAssignment>().SingleAsync(a => a.VolunteerId == volunteer.Id));
        Assert.Contains("小周", await union.GetStringAsync($"/console/tickets/{own}"));

        var tooShort = await ConsoleAppFactory.PostFormAsync(union, "/console/volunteers", "/console/volunteers?handler=Hours",
            new() { ["id"] = assignment.Id.ToString(), ["servedOn"] = Now()[..10], ["hours"] = "0.3" });
        Assert.Contains("按半小时计", await tooShort.Content.ReadAsStringAsync());
        Assert.Null((await app.QueryAsync(db => db.Set<VolunteerAssignment>().SingleAsync(a => a.Id == assignment.Id))).Hours);
        await ConsoleAppFactory.PostFormAsync(union, "/console/volunteers", "/console/volunteers?handler=Hours",
            new() { ["id"] = assignment.Id.ToString(), ["servedOn"] = Now()[..10], ["hours"] = "2.5" });

        Assert.Equal(2.5m, (await app.QueryAsync(db => db.Set<VolunteerAssignment>().SingleAsync(a => a.Id == assignment.Id))).Hours);
        Assert.Contains("志愿者小周：陪诊，2.5小时", await union.GetStringAsync(Family));
    }

    [Fact]
    public async Task A_liaison_from_the_roster_is_set_by_the_archive_keepers_and_sees_their_families_in_chat()
    {
        await app.SeedFamilyAsync();
        await app.QueryAsync(async db =>
        {
            if (!await db.Set<Worker>().AnyAsync(w => w.StaffId == "HX9001"))
            {
                db.Add(new Worker { StaffId = "HX9001", Name = "刘联络", Unit = "一车间", ChannelIdentities = [new(ChannelNames.DingTalk, "dt-liu")], RegisteredAt = DateTimeOffset.UtcNow });
            }
            return await db.SaveChangesAsync();
        });
        var workshop = await app.SignedInAsync("workshop");

        await ConsoleAppFactory.PostFormAsync(workshop, Family, $"{Family}?handler=Liaison", new() { ["liaison"] = "NOPE" });
        Assert.Contains("职工名册中没有工号 NOPE", await workshop.GetStringAsync(Family));
        await ConsoleAppFactory.PostFormAsync(workshop, Family, $"{Family}?handler=Liaison", new() { ["liaison"] = "HX9001", ["priority"] = "true" });

        var archive = await workshop.GetStringAsync(Family);
        Assert.Contains("刘联络（工号 HX9001）", archive);
        Assert.Contains("重点服务家庭", archive);
        var reply = await app.Services.GetRequiredService<ITurnHandler>().HandleAsync(
            new InboundTurn("dingtalk", "c-liu", "dt-liu", "刘联络", "联系家庭", null, "zh-CN", DateTimeOffset.UtcNow), default);
        Assert.Contains("张建国家庭（一车间）【重点】", reply[0].Text);
        Assert.Contains("第九条", reply[0].Text);
    }

    [Fact]
    public async Task Records_import_from_a_spreadsheet_all_or_nothing_with_the_bad_rows_named()
    {
        await app.SeedFamilyAsync();
        var union = await app.SignedInAsync("union");
        var visitsBefore = await CountAsync<ServiceVisit>();
        var day = Now(24 * 60)[..10];

        var bad = await UploadAsync(union, "Visits", "visits.csv",
            $"工号,走访时间,方式,走访人,家庭近况\nHX1001,{day} 09:30,上门走访,刘联络,一切正常\nHX7777,{day},上门走访,刘联络,一切正常\nHX1001,明天,坐飞机,,\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problems = await bad.Content.ReadAsStringAsync();
        Assert.Contains("HX7777 不在职工名册中", problems);
        Assert.Contains("“明天”不是日期", problems);
        Assert.Contains("“坐飞机”不在可选项中", problems);
        Assert.Matches(new Regex("<td data-label=\"行\">3</td>"), problems);
        Assert.Equal(visitsBefore, await CountAsync<ServiceVisit>());

        var good = await UploadAsync(union, "Visits", "visits.csv",
            $"工号,走访时间,方式,走访人,家庭近况\nHX1001,{day} 09:30,上门走访,刘联络,一切正常\nHX1001,{day},电话联系,刘联络,电话问候\n");
        Assert.Contains("导入完成：走访记录 2 条", await good.Content.ReadAsStringAsync());
        Assert.Equal(visitsBefore + 2, await CountAsync<ServiceVisit>());

        await UploadAsync(union, "Volunteers", "roster.csv", "姓名,电话,分队\n小林,13800002222,二车间团支部\n");
        var hours = await UploadAsync(union, "VolunteerHours", "hours.csv", $"志愿者,工号,服务类型,服务日期,时长\n小林,HX1001,代购,{day},1.5\n");
        Assert.Contains("导入完成：志愿服务 1 条", await hours.Content.ReadAsStringAsync());
        var logistics = await app.SignedInAsync("logistics");
        Assert.StartsWith("/console/denied", (await logistics.GetAsync("/console/records/import")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Aid_payments_import_only_for_the_lead_department_and_within_the_approved_amount()
    {
        await app.SeedFamilyAsync();
        var cases = app.Services.GetRequiredService<AidCases>();
        var lead = new StaffMember { Channel = "console", UserId = "union", Name = "王工会", Department = "集团工会" };
        var opened = await cases.OpenAsync("HX1001", new AidInput("重大疾病", "一般困难", "定期帮扶", "每月生活补助", null, null, null), lead, default);
        await cases.CheckAsync(opened.Key!, lead, passed: true, null, default);
        await cases.DecideAsync(opened.Key!, lead, approved: true, "1500", null, default);
        var day = Now(24 * 60)[..10];

        var tooMuch = await UploadAsync(await app.SignedInAsync("union"), "AidPayments", "pay.csv",
            $"案件编号,发放日期,金额\n{opened.Key},{day},500\n{opened.Key},{day},500\n{opened.Key},{day},600\nBF-20000101-0001,{day},100\n");
        var byCoHandler = await UploadAsync(await app.SignedInAsync("workshop"), "AidPayments", "pay.csv", $"案件编号,发放日期,金额\n{opened.Key},{day},500\n");

        var problems = await tooMuch.Content.ReadAsStringAsync();
        Assert.Contains("超过批准金额：已批准1500元，已发放1000元", problems);
        Assert.Contains("没有帮扶救助案件 BF-20000101-0001", problems);
        Assert.Contains("只有主办部门可以办理", await byCoHandler.Content.ReadAsStringAsync());
        Assert.Empty((await AidAsync(opened.Key!)).Payments);

        var good = await UploadAsync(await app.SignedInAsync("union"), "AidPayments", "pay.csv",
            $"案件编号,发放日期,金额,备注\n{opened.Key},{day},500,一月\n{opened.Key},{day},500,二月\n");

        Assert.Contains("导入完成：救助发放 2 条", await good.Content.ReadAsStringAsync());
        var aid = await AidAsync(opened.Key!);
        Assert.Equal([500m, 500m], aid.Payments.Select(p => p.Amount));
        Assert.Equal(2, aid.Steps.Count(s => s.Action == "发放"));
    }

    private async Task<AidCase> AidAsync(string number) =>
        await app.QueryAsync(db => db.Set<AidCase>().Include(a => a.Steps).Include(a => a.Payments).SingleAsync(a => a.Number == number));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, string fileName, string csv)
    {
        var page = await client.GetStringAsync("/console/records/import");
        var content = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", fileName },
        };
        return await client.PostAsync("/console/records/import", content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
