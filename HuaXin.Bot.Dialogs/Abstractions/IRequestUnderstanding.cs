namespace HuaXin.Bot.Dialogs.Abstractions;

/// <summary>First-turn understanding of a message: is it a service request, which category and department, which slots.</summary>
public interface IRequestUnderstanding
{
    Task<Understanding> UnderstandAsync(string text, CancellationToken cancellationToken);
}

/// <param name="Slots">Slot name → value as normalized for storage (phone = 11 digits; when = the words used).</param>
/// <param name="When">The concrete time window "when" resolves to, if any.</param>
/// <param name="Purpose">What the message is for (request, complaint, question, status, rating, staff, chat), when known.</param>
/// <param name="About">For a question or a remark: the category of the service it is about, when clear (to offer intake).</param>
public sealed record Understanding(
    bool IsRequest,
    string? Category,
    string? Department,
    IReadOnlyDictionary<string, string> Slots,
    TimeWindow? When = null,
    string? Purpose = null,
    string? About = null);

public sealed record TimeWindow(DateTimeOffset Start, DateTimeOffset End);
