using System.Text;
using HuaXin.Bot.Dialogs.Safety;

namespace HuaXin.Bot.Knowledge.Search;

/// <summary>The danger cues' reading by sound (<see cref="ISoundSpelling"/>): the pinyin table gives each character and
/// each typed pinyin syllable one character for its sound; jieba's dictionary says which typed words are real words.</summary>
public sealed class SoundSpelling : ISoundSpelling
{
    public SoundText Spell(string text)
    {
        var spelled = new StringBuilder(text.Length);
        var start = new List<int>(text.Length);
        var end = new List<int>(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            if (char.IsAsciiLetterLower(text[at]))
            {
                // Lower-case pinyin, its syllables perhaps spaced: "zhe huo le", "xingeng".
                var phrase = at;
                var sounds = new List<(char Sound, int Start, int End)>();
                while (phrase < text.Length && char.IsAsciiLetterLower(text[phrase]))
                {
                    var wordEnd = phrase;
                    while (wordEnd < text.Length && char.IsAsciiLetterLower(text[wordEnd])) wordEnd++;
                    if (Pinyin.Syllables(text[phrase..wordEnd]) is not { } syllables) break;
                    sounds.AddRange(syllables.Select(s => (s, phrase, wordEnd)));
                    phrase = wordEnd < text.Length - 1 && text[wordEnd] == ' ' && char.IsAsciiLetterLower(text[wordEnd + 1]) ? wordEnd + 1 : wordEnd;
                    if (phrase == wordEnd) break;
                }
                if (sounds.Count > 0)
                {
                    foreach (var (sound, from, to) in sounds)
                    {
                        spelled.Append(sound);
                        start.Add(from);
                        end.Add(to);
                    }
                    at = sounds[^1].End;
                    continue;
                }
                while (at < text.Length && char.IsAsciiLetter(text[at])) Add(text[at], at++);
                continue;
            }
            Add(TextNormalizer.IsCjk(text[at]) ? Pinyin.Sound(text[at]) : text[at], at++);
        }
        return new SoundText(spelled.ToString(), [.. start], [.. end]);

        void Add(char c, int from)
        {
            spelled.Append(c);
            start.Add(from);
            end.Add(from + 1);
        }
    }

    public string SpellPattern(string pattern) =>
        string.Create(pattern.Length, pattern, static (chars, p) =>
        {
            for (var i = 0; i < p.Length; i++) chars[i] = TextNormalizer.IsCjk(p[i]) ? Pinyin.Sound(p[i]) : p[i];
        });

    public IEnumerable<char> SoundAlike(char c) => Pinyin.SoundAlike(c);

    public bool IsWord(string text) => ChineseWords.IsKnown(text);
}
