namespace HuaXin.Bot.Knowledge;

/// <summary>The resolved absolute locations of the knowledge files (see <see cref="KnowledgePaths"/>).</summary>
public sealed record KnowledgeLocations(string DocsPath, string LexiconPath, string ClauseModelPath);
