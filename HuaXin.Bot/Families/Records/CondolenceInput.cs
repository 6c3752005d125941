namespace HuaXin.Bot.Families.Records;

/// <summary>A 慰问 as a form or a spreadsheet row gives it; one set of checks for both.</summary>
public sealed record CondolenceInput(string? At, string? Occasion, string? Gift, string? Amount, string? Visitors, string? Note, string? Attachments)
{
    public const decimal MaxAmount = 100_000;

    public CondolenceInput() : this(null, null, null, null, null, null, null)
    {
    }

    public Condolence? Read(InputProblems problems, long workerId, Recorder by)
    {
        var before = problems.All.Count;
        var at = problems.Time("慰问时间", At, by.At);
        var occasion = problems.Required("慰问事由", Occasion, 50);
        var gift = problems.Optional("慰问品", Gift, 200);
        var amount = problems.Amount("慰问金", Amount, MaxAmount);
        var visitors = problems.Required("慰问人", Visitors, 100);
        var note = problems.Optional("备注", Note, 1000);
        var attachments = problems.Optional("附件", Attachments, 500);
        if (gift is null && amount is null && string.IsNullOrWhiteSpace(Amount) && string.IsNullOrWhiteSpace(Gift))
        {
            problems.Add("慰问品或慰问金", "至少填一项");
        }
        return problems.All.Count > before ? null : new Condolence
        {
            WorkerId = workerId, At = at!.Value, Occasion = occasion!, Gift = gift, Amount = amount, Visitors = visitors!, Note = note, Attachments = attachments,
            Department = by.Department, RecordedBy = by.Actor, RecordedByName = by.Name, RecordedAt = by.At,
        };
    }
}
