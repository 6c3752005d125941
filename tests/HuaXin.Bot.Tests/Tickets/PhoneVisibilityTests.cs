using HuaXin.Bot.Data;
using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.Tests.Tickets;

/// <summary>Who sees the family's phone numbers whole, as one table for the ticket's rule and every place that shows a
/// ticket (console pages through <see cref="PhoneMask.Text"/>, the staff card): the departments working the ticket (集团工会
/// leads, 车间工会 co-handles) see them whole, everyone else masked.</summary>
public sealed class PhoneVisibilityTests
{
    private const string Said = "我妈住院了，电话13805312266";
    private const string Masked = "我妈住院了，电话138****2266";

    [Theory]
    // reader department, full number?
    [InlineData("集团工会", true)]
    [InlineData("车间工会", true)]
    [InlineData("党委工作部", false)] // 督办 and admins: masked unless they work the ticket
    [InlineData("后勤管理中心", false)]
    public void Departments_working_the_ticket_see_the_full_number(string department, bool full)
    {
        var data = Data();
        var reader = new StaffMember { Channel = "test", UserId = "s1", Name = "读者", Department = department, Role = StaffRole.Admin };

        Assert.Equal(full, new Ticket(data).MayCall(department));
        Assert.Equal(full ? Said : Masked, new Ticket(data).Shown(Said, department));
        Assert.Equal(full ? Said : Masked, PhoneMask.Text(Said, reader, data.Department, data.CoHandlers.Select(h => h.Department)));
        Assert.Equal(full ? Said : Masked, TicketCards.StaffCard(data, "就医", "新诉求", department).Card!.Body);
    }

    [Fact]
    public void A_card_to_the_lead_department_shows_the_full_number() =>
        Assert.Equal(Said, TicketCards.StaffCard(Data(), "就医", "新诉求").Card!.Body);

    private static ServiceRequest Data()
    {
        var at = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
        return new()
        {
            Number = "HX-20261123-0001", Category = "medical", Department = "集团工会", Channel = "test", UserId = "u1",
            SlotsJson = "{}", OriginalText = Said, Status = RequestStatus.Pending,
            CreatedAt = at, UpdatedAt = at, FirstContactDue = at.AddHours(4), ResolveDue = at.AddDays(7),
            CoHandlers = [new TicketCoHandler { Department = "车间工会", AddedBy = "test:s1" }],
        };
    }
}
