using System.Text.Json;
using System.Text.Json.Serialization;

namespace HuaXin.Bot.Knowledge.Evaluation;

/// <summary>One line of a questions file. An empty <see cref="Expect"/> means the corpus should not answer it. With
/// <see cref="First"/>, the line is a follow-up: <see cref="First"/> is asked before it in the same conversation.</summary>
public sealed record EvalQuestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("q")] string Question,
    [property: JsonPropertyName("expect")] IReadOnlyList<string>? Expect,
    [property: JsonPropertyName("section")] string? Section,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("asker")] string? Asker,
    [property: JsonPropertyName("first")] string? First = null)
{
    public IReadOnlyList<string> ExpectedDocs => Expect ?? [];

    public bool Answerable => ExpectedDocs.Count > 0;

    public string KindOrDefault => string.IsNullOrWhiteSpace(Kind) ? (Answerable ? "direct" : "unanswerable") : Kind;

    /// <summary>Reads a JSONL file; lines that cannot be used are returned as problems with their line number.</summary>
    public static (List<EvalQuestion> Questions, List<string> Problems) ReadJsonl(string path)
    {
        var questions = new List<EvalQuestion>();
        var problems = new List<string>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                var question = JsonSerializer.Deserialize<EvalQuestion>(line);
                if (question is null || string.IsNullOrWhiteSpace(question.Id) || string.IsNullOrWhiteSpace(question.Question))
                {
                    problems.Add($"{Path.GetFileName(path)}:{number}: missing \"id\" or \"q\"");
                    continue;
                }
                questions.Add(question);
            }
            catch (JsonException e)
            {
                problems.Add($"{Path.GetFileName(path)}:{number}: {e.Message}");
            }
        }
        return (questions, problems);
    }
}
