using System.Net;
using HuaXin.Bot.Data;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.StaffConsole;

/// <summary>Two instances of the service on one database, as behind a load balancer: what one instance protected
/// (a console session, an action link) the other reads, because the key ring lives in the database.</summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task A_session_and_an_action_link_from_one_instance_work_on_the_other()
    {
        using var database = new TestDatabase();
        var settings = new Dictionary<string, string?>
        {
            ["Console:PublicBaseUrl"] = "https://localhost/",
            ["Console:Accounts:0:UserName"] = "logistics",
            ["Console:Accounts:0:PasswordHash"] = ConsoleAccounts.Hash(ConsoleAppFactory.Password),
            ["Console:Accounts:0:Name"] = "李后勤",
            ["Console:Accounts:0:Department"] = "后勤管理中心",
        };
        await using var first = new HuaXinAppFactory(database, settings);
        await using var second = new HuaXinAppFactory(database, settings);
        var cookies = new CookieContainer();
        var onFirst = first.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var onSecond = second.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

        Assert.Equal(HttpStatusCode.Redirect, (await ConsoleAppFactory.LoginAsync(onFirst, "logistics", ConsoleAppFactory.Password)).StatusCode);
        var board = await onSecond.GetAsync("/console/tickets");
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Contains("李后勤", await board.Content.ReadAsStringAsync());

        // The key ring is in the database (not in each machine's home folder), so it is shared by every instance.
        await using (var scope = first.Services.CreateAsyncScope())
        {
            Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<HuaXinDbContext>().DataProtectionKeys.ToListAsync());
        }
        var link = first.Services.GetRequiredService<ActionLinks>().Create("HX-20261123-0001", TicketLinkAction.Accept);
        Assert.Equal(ActionLinkState.Valid, second.Services.GetRequiredService<ActionLinks>().Read(link.Segments[^1]).State);
    }
}
