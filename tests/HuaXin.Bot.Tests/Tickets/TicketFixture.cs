using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.Tests.Support;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Tests.Tickets;

/// <summary>Three staff members, three department chats and one requester on the recording channel "test".</summary>
internal static class TicketFixture
{
    public const string Requester = "u1";

    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Staff:Members:0:Channel"] = "test", ["Staff:Members:0:UserId"] = "s-union", ["Staff:Members:0:Name"] = "王工会", ["Staff:Members:0:Department"] = "集团工会",
        ["Staff:Members:1:Channel"] = "test", ["Staff:Members:1:UserId"] = "s-logistics", ["Staff:Members:1:Name"] = "李后勤", ["Staff:Members:1:Department"] = "后勤管理中心",
        ["Staff:Members:2:Channel"] = "test", ["Staff:Members:2:UserId"] = "s-admin", ["Staff:Members:2:Name"] = "赵书记", ["Staff:Members:2:Department"] = "党委工作部", ["Staff:Members:2:Role"] = "Admin",
        ["Departments:Destinations:集团工会:0:Channel"] = "test", ["Departments:Destinations:集团工会:0:Address"] = "group:union",
        ["Departments:Destinations:后勤管理中心:0:Channel"] = "test", ["Departments:Destinations:后勤管理中心:0:Address"] = "group:logistics",
        ["Departments:Destinations:党委工作部:0:Channel"] = "test", ["Departments:Destinations:党委工作部:0:Address"] = "group:party",
    };

    public static async Task<ServiceHarness> StartAsync(DatabaseProvider provider)
    {
        var h = new ServiceHarness(provider, Settings);
        await h.InitializeAsync();
        await h.Get<ConversationReferences>().RememberAsync("test", Requester, "user:u1", default);
        return h;
    }

    public static async Task<string> CreateAsync(ServiceHarness h, string category = "medical", string department = "集团工会", bool urgent = false, string userId = Requester)
    {
        var created = await h.Get<IServiceRequestStore>().CreateAsync(new NewServiceRequest(
            category, department, "test", userId, "张大姐",
            new Dictionary<string, string> { ["phone"] = "13805312266", ["relation"] = "母亲", ["description"] = "我妈住院了家里没人照顾" },
            "我妈住院了家里没人照顾", urgent, TimeSpan.FromHours(4)), default);
        return created.Number;
    }

    /// <summary>Sends a chat turn through the ticket command handler, as a channel would.</summary>
    public static async Task<string> SayAsync(ServiceHarness h, string userId, string text)
    {
        var handler = new TicketCommandHandler(h.Bot, h.Get<TicketService>(), h.Get<StaffDirectory>());
        var replies = await handler.HandleAsync(new InboundTurn("test", "c-" + userId, userId, null, text, null, "zh-CN", DateTimeOffset.UnixEpoch), default);
        return string.Join("\n", replies.Select(r => r.Text));
    }

    /// <summary>Delivers everything queued and returns what each address received, in order.</summary>
    public static async Task<ILookup<string, string>> DeliverAsync(ServiceHarness h)
    {
        h.Sender.Delivered.Clear();
        await h.Dispatcher.DispatchDueAsync(default);
        return h.Sender.Delivered.ToLookup(d => d.Address, d => d.Message.Text);
    }

    public static Task<ServiceRequest> TicketAsync(ServiceHarness h, string number) =>
        h.QueryAsync(db => db.ServiceRequests.Include(r => r.History).SingleAsync(r => r.Number == number));
}
