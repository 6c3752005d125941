namespace HuaXin.Bot.Dialogs.Safety;

/// <summary>How a text sounds. Chinese is typed by sound, so a danger cue can arrive with the wrong homophone (着伙了 for
/// 着火了, 没乎吸 for 没呼吸) or as pinyin (xin geng); the host, which has the pinyin table and a dictionary, supplies it.</summary>
public interface ISoundSpelling
{
    /// <summary>The text with every character that has a reading, and every syllable of lower-case pinyin, written as one
    /// character of that sound.</summary>
    SoundText Spell(string text);

    /// <summary>A regular expression's Chinese characters written as <see cref="Spell"/> writes them; the rest as is.</summary>
    string SpellPattern(string pattern);

    /// <summary>The other characters of the same sound as <paramref name="c"/>.</summary>
    IEnumerable<char> SoundAlike(char c);

    /// <summary>Whether the text as typed is a word of general Chinese (小时, 相似): then the cue it sounds like (消失,
    /// 想死) is not what was meant.</summary>
    bool IsWord(string text);
}

/// <param name="Start">Per character of <paramref name="Text"/>, where in the typed text it begins.</param>
/// <param name="End">Per character, where in the typed text it ends (exclusive).</param>
public sealed record SoundText(string Text, int[] Start, int[] End);
