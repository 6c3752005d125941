using System.ComponentModel.DataAnnotations;

namespace HuaXin.Bot.Knowledge;

/// <summary>Settings under "Knowledge".</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>Folder of policy documents (.md, .txt, .docx), searched recursively.</summary>
    [Required]
    public string DocsPath { get; set; } = "knowledge/docs";

    /// <summary>Synonym, colloquial and typo lexicon used to expand questions.</summary>
    [Required]
    public string LexiconPath { get; set; } = "knowledge/lexicon.yaml";

    /// <summary>The fitted clause ranking and answer-or-abstain model, written by train-clauses.</summary>
    [Required]
    public string ClauseModelPath { get; set; } = "knowledge/clause-model.json";

    /// <summary>Re-index changed documents while running.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Least share (0..1) of the question's IDF-weighted words the best clause must match to be given as an
    /// answer; below it the bot says the knowledge base does not cover the question.</summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; set; } = 0.4;

    /// <summary>Below <see cref="MinCoverage"/>, a clause still answers when it matches at least this many of the
    /// question's words and they are together at least half as specific as a term found in only one clause.</summary>
    [Range(1, 100)]
    public int MinMatchedUnits { get; set; } = 2;

    /// <summary>Quiet time after the last file change before re-indexing, so an editor's save burst is one pass.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromMilliseconds(500);
}
