namespace HuaXin.Bot.Core;

/// <summary>The departments of the linked family service, which work tickets and may each bind one DingTalk group, as
/// knowledge/taxonomy.yaml lists them (built into this assembly): the one list, so no code names its own.</summary>
public static class Departments
{
    private static readonly (IReadOnlyList<string> All, string Supervisor) Listed = Read();

    /// <summary>Every department, in the taxonomy's order.</summary>
    public static IReadOnlyList<string> All => Listed.All;

    /// <summary>Supervises the service: receives escalations and 不满意 ratings (督办).</summary>
    public static string Supervisor => Listed.Supervisor;

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);

    // Only the taxonomy's two top-level lines "departments: [..]" and "supervisor: .."; the rest of the file is the
    // dialogs' (read with a YAML parser there, which also checks the categories route only to these).
    private static (IReadOnlyList<string>, string) Read()
    {
        using var stream = typeof(Departments).Assembly.GetManifestResourceStream("taxonomy.yaml")
            ?? throw new InvalidOperationException("taxonomy.yaml is not built into HuaXin.Bot.Core.");
        using var reader = new StreamReader(stream);
        string? list = null, supervisor = null;
        while (reader.ReadLine() is { } line)
        {
            list ??= Value(line, "departments:");
            supervisor ??= Value(line, "supervisor:");
        }
        var all = list is ['[', .. var inner, ']'] ? inner.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
        return all.Length > 0 && supervisor is not null && all.Contains(supervisor)
            ? (all, supervisor)
            : throw new InvalidOperationException("knowledge/taxonomy.yaml needs \"departments: [..]\" and \"supervisor:\" (one of them), each on one line.");
    }

    private static string? Value(string line, string key) => line.StartsWith(key, StringComparison.Ordinal) ? line[key.Length..].Trim() : null;
}
