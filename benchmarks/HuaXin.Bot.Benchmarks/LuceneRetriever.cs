using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Benchmarks;

/// <summary>The alternative that was measured against the in-memory index: Lucene.Net with CJKAnalyzer bigrams and
/// BM25, title and headings as boosted fields like the in-memory BM25F.</summary>
public sealed class LuceneRetriever : IDisposable
{
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly Analyzer _analyzer = new CJKAnalyzer(Version);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<IndexedChunk> _chunks;

    public LuceneRetriever(IReadOnlyList<IndexedChunk> chunks)
    {
        _chunks = chunks;
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                writer.AddDocument(new Document
                {
                    new StoredField("i", i),
                    new TextField("body", chunks[i].Text, Field.Store.NO),
                    new TextField("heads", string.Join(" ", chunks[i].Headings), Field.Store.NO),
                    new TextField("title", chunks[i].Title, Field.Store.NO),
                });
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public IReadOnlyList<IndexedChunk> Search(string question, int top)
    {
        var query = new BooleanQuery();
        foreach (var term in Terms(question).Distinct())
        {
            query.Add(new TermQuery(new Term("body", term)), Occur.SHOULD);
            query.Add(new TermQuery(new Term("heads", term)) { Boost = 2 }, Occur.SHOULD);
            query.Add(new TermQuery(new Term("title", term)) { Boost = 1.5f }, Occur.SHOULD);
        }
        if (query.Clauses.Count == 0)
        {
            return [];
        }
        return _searcher.Search(query, top).ScoreDocs
            .Select(d => _chunks[_searcher.Doc(d.Doc).GetField("i").GetInt32Value()!.Value])
            .ToList();
    }

    private List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream("body", new StringReader(text));
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(attribute.ToString());
        }
        stream.End();
        return terms;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
