namespace HuaXin.Bot.Knowledge.Ingestion;

/// <summary>What one ingestion pass did. Skipped files are listed with the reason, for the document owners.</summary>
public sealed record IngestionReport(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Removed,
    int Unchanged,
    IReadOnlyList<IngestionProblem> Problems)
{
    public bool Changed => Added.Count + Updated.Count + Removed.Count > 0;
}

/// <param name="File">Path relative to the docs folder.</param>
public sealed record IngestionProblem(string File, string Reason);
