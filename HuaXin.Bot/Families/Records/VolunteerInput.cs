namespace HuaXin.Bot.Families.Records;

/// <summary>A volunteer for the “星火365” roster, as a form or a spreadsheet row gives it.</summary>
public sealed record VolunteerInput(string? Name, string? Phone, string? Team, string? Skills)
{
    public VolunteerInput() : this(null, null, null, null)
    {
    }

    public Volunteer? Read(InputProblems problems, DateTimeOffset now)
    {
        var before = problems.All.Count;
        var name = problems.Required("姓名", Name, 50);
        var phone = problems.Phone("电话", Phone);
        var team = problems.Optional("分队", Team, 50);
        var skills = problems.Optional("服务特长", Skills, 200);
        return problems.All.Count > before ? null : new Volunteer { Name = name!, Phone = phone, Team = team, Skills = skills, RegisteredAt = now };
    }
}

/// <summary>Sending a volunteer to a family, for a ticket or a visit of that family, or on its own.</summary>
public sealed record AssignmentInput(string? VolunteerId, string? Kind, string? TicketNumber, string? VisitId, string? Note)
{
    public AssignmentInput() : this(null, null, null, null, null)
    {
    }
}

/// <summary>The hours a volunteer served, once the service is done.</summary>
public sealed record HoursInput(string? ServedOn, string? Hours)
{
    public HoursInput() : this(null, null)
    {
    }

    public (DateOnly ServedOn, decimal Hours)? Read(InputProblems problems, DateTimeOffset now)
    {
        var before = problems.All.Count;
        var day = problems.Day("服务日期", ServedOn, now);
        var hours = problems.Hours("服务时长", Hours);
        return problems.All.Count > before ? null : (day!.Value, hours!.Value);
    }
}
