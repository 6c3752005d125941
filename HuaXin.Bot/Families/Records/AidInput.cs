namespace HuaXin.Bot.Families.Records;

/// <summary>A new aid case (困难职工备案 and application) as the console form gives it.</summary>
public sealed record AidInput(string? HardshipType, string? Level, string? Kind, string? Application, string? AppliedAt, string? TicketNumber, string? Attachments)
{
    public AidInput() : this(null, null, null, null, null, null, null)
    {
    }
}
