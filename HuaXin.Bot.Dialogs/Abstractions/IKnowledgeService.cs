namespace HuaXin.Bot.Dialogs.Abstractions;

/// <summary>Answers a policy question from the knowledge base (implemented by the host).</summary>
public interface IKnowledgeService
{
    Task<KnowledgeAnswer> AskAsync(string question, string asker, CancellationToken cancellationToken);

    /// <summary>A question asked right after an answer: when it names no topic of its own ("那需要准备什么材料"), it is
    /// read within <paramref name="topic"/>, and <see cref="KnowledgeAnswer.AssumedTopic"/> says so.</summary>
    Task<KnowledgeAnswer> AskAsync(string question, string asker, KnowledgeTopic? topic, CancellationToken cancellationToken) =>
        AskAsync(question, asker, cancellationToken);
}

/// <summary>What the last answer was about: its document and clause, and the question it answered.</summary>
public sealed record KnowledgeTopic(string DocId, string Title, string Subject, string? Question = null);

/// <param name="Answered">False when the knowledge base does not cover the question.</param>
/// <param name="Answer">User-facing answer text, naming its source; or the "not covered" text.</param>
public sealed record KnowledgeAnswer(bool Answered, string Answer, IReadOnlyList<Citation> Citations)
{
    /// <summary>The sentences of the best clause that answer the question, as written in it (empty when not answered).</summary>
    public string Lead { get; init; } = "";

    /// <summary>Other clauses worth a look, as texts a user can tap to ask for them.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>The earlier topic the question was read in, when it named none of its own.</summary>
    public KnowledgeTopic? AssumedTopic { get; init; }
}

public sealed record Citation(string DocId, string Title, IReadOnlyList<string> Headings, string Text, double Score)
{
    /// <summary>《title》 followed by the heading path, e.g. 《困难职工帮扶救助管理办法》第二章 第五条.</summary>
    public string Source => Headings.Count == 0 ? $"《{Title}》" : $"《{Title}》{string.Join(" ", Headings)}";

    /// <summary>The clause's own label (第五条, （三）), or the last heading.</summary>
    public string Clause => Headings.Count == 0 ? "" : Headings[^1];

    /// <summary>《title》 and the clause label only, short enough for a phone: 《困难职工帮扶救助管理办法》第五条.</summary>
    public string ShortSource => $"《{Title}》{Clause}";
}
