namespace HuaXin.Bot.Knowledge.Search;

/// <summary>A searchable chunk with what a citation needs.</summary>
public sealed record IndexedChunk(string DocId, string Title, IReadOnlyList<string> Headings, string Text, int Ordinal)
{
    /// <summary>Identifies the clause: chunks split from one long clause share it.</summary>
    public string ClauseKey { get; } = DocId + "\u001f" + string.Join('\u001f', Headings);
}
