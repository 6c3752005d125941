using System.Globalization;
using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Tests.Knowledge;

public class WordTableTests
{
    [Fact]
    public void Finds_every_word_added_and_no_other_after_growing_and_trimming()
    {
        var table = new WordTable();
        var words = Enumerable.Range(0, 20_000).Select(i => $"词{i}").ToList();
        foreach (var word in words)
        {
            table.SetWeight(table.Add(word), word.Length);
        }
        table.TrimExcess();

        Assert.Equal(words.Count, table.Count);
        Assert.All(words, w => Assert.Equal(w.Length, table.Weight(table.IndexOf(w))));
        Assert.Equal(-1, table.IndexOf("词20000"));
        Assert.Equal(-1, table.IndexOf(""));
        Assert.Equal(table.IndexOf("词7"), table.Add("词7"));
        Assert.Equal(words.Count, table.Count);
    }

    [Fact]
    public void A_word_keeps_its_tag_and_its_last_weight()
    {
        var table = new WordTable();
        var i = table.Add("公积金");
        table.SetTag(i, 2);
        table.SetWeight(table.Add("公积金"), 7.5f);

        Assert.Equal(1, table.Count);
        Assert.Equal(7.5f, table.Weight(i));
        Assert.Equal(2, table.Tag(i));
    }

    [Fact]
    public void The_general_idf_table_holds_what_jieba_idf_file_says()
    {
        var expected = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Resources", "idf.txt")))
        {
            var space = line.LastIndexOf(' ');
            if (space > 0 && float.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                expected[line[..space].Trim('\uFEFF')] = value;
            }
        }

        Assert.True(expected.Count > 200_000);
        Assert.All(expected, e => Assert.Equal(e.Value, ChineseWords.Idf(e.Key)));
        Assert.False(ChineseWords.IsKnown("不是一个词语吧"));
        Assert.True(ChineseWords.IsNoun("公积金"));
        // The table also holds the dictionary's words for cutting; a word only the dictionary has gets the median IDF.
        var dictionaryOnly = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Resources", "dict.txt"))
            .Select(line => line.Split(' ')[0]).First(word => !expected.ContainsKey(word));
        Assert.False(ChineseWords.IsKnown(dictionaryOnly));
        Assert.Equal(ChineseWords.MedianIdf, ChineseWords.Idf(dictionaryOnly));
    }
}
