namespace HuaXin.Bot.Dialogs.Abstractions;

/// <summary>Answers a policy question from the knowledge base (implemented by the host).</summary>
public interface IKnowledgeService
{
    Task<KnowledgeAnswer> AskAsync(string question, string asker, CancellationToken cancellationToken);
}

/// <param name="Answered">False when the knowledge base does not cover the question.</param>
/// <param name="Answer">User-facing answer text, naming its source; or the "not covered" text.</param>
public sealed record KnowledgeAnswer(bool Answered, string Answer, IReadOnlyList<Citation> Citations);

public sealed record Citation(string DocId, string Title, IReadOnlyList<string> Headings, string Text, double Score)
{
    /// <summary>《title》 followed by the heading path, e.g. 《困难职工帮扶救助管理办法》第二章 第五条.</summary>
    public string Source => Headings.Count == 0 ? $"《{Title}》" : $"《{Title}》{string.Join(" ", Headings)}";
}
