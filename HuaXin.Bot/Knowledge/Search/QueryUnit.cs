namespace HuaXin.Bot.Knowledge.Search;

/// <summary>One concept of a question: a word or bigram as asked (the first alternative), plus the ways the
/// documents may say it.</summary>
/// <param name="Boundary">A bigram that spans two words ("春节送" gives "节送"): it is still searched, but not
/// counting it for coverage keeps a long, chatty question from looking off-topic.</param>
public sealed record QueryUnit(string Text, IReadOnlyList<QueryAlternative> Alternatives, bool Boundary = false);

/// <param name="Terms">Index terms (bigrams, or one character) that together spell this alternative.</param>
/// <param name="Weight">1 for the words as asked; less for synonyms and guessed typo corrections.</param>
/// <param name="Partial">Evidence for ranking only (a character of a word the corpus lacks): a clause it matches ranks
/// higher, but the unit does not count as matched or as known, so whether to answer at all is decided without it.</param>
public sealed record QueryAlternative(IReadOnlyList<string> Terms, double Weight, bool Partial = false);
