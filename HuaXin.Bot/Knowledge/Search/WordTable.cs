using System.Runtime.CompilerServices;

namespace HuaXin.Bot.Knowledge.Search;

/// <summary>Words mapped to a weight, a frequency and a one-byte tag, for a table of a few hundred thousand words loaded
/// once and then only read (jieba's general IDF table and dictionary): the words' characters in one buffer and
/// open-addressed slots, about a third of the memory of a Dictionary holding a string and an entry per word.</summary>
public sealed class WordTable
{
    private char[] _chars = new char[1 << 16];
    private int[] _starts = new int[1 << 12]; // word i is _chars[_starts[i].._starts[i + 1]]
    private float[] _weights = new float[1 << 12];
    private int[] _frequencies = new int[1 << 12];
    private byte[] _tags = new byte[1 << 12];
    private int[] _slots = new int[1 << 13]; // word index + 1; 0 is empty

    public int Count { get; private set; }

    /// <summary>The word's index, or -1 when the table lacks it.</summary>
    // This, Add and Place run 620k times while loading at startup, before tiered compilation would have optimised them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int IndexOf(ReadOnlySpan<char> word)
    {
        var mask = _slots.Length - 1;
        for (var s = string.GetHashCode(word) & mask; ; s = (s + 1) & mask)
        {
            var i = _slots[s] - 1;
            if (i < 0 || Word(i).SequenceEqual(word))
            {
                return i;
            }
        }
    }

    /// <summary>The word's index, adding it (weight, frequency and tag 0) when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Add(ReadOnlySpan<char> word)
    {
        var known = IndexOf(word);
        if (known >= 0)
        {
            return known;
        }
        // At most three quarters of the slots in use keeps the probe runs short.
        if ((Count + 1) * 4 > _slots.Length * 3)
        {
            Rehash(_slots.Length * 2);
        }
        if (Count + 2 > _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _weights, _weights.Length * 2);
            Array.Resize(ref _frequencies, _frequencies.Length * 2);
            Array.Resize(ref _tags, _tags.Length * 2);
        }
        var start = _starts[Count];
        if (start + word.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, start + word.Length));
        }
        word.CopyTo(_chars.AsSpan(start));
        _starts[Count + 1] = start + word.Length;
        Place(Count);
        return Count++;
    }

    public float Weight(int index) => _weights[index];

    public void SetWeight(int index, float weight) => _weights[index] = weight;

    public int Frequency(int index) => _frequencies[index];

    public void SetFrequency(int index, int frequency) => _frequencies[index] = frequency;

    public byte Tag(int index) => _tags[index];

    public void SetTag(int index, byte tag) => _tags[index] = tag;

    /// <summary>The weights of all words, in the order they were added.</summary>
    public ReadOnlySpan<float> Weights => _weights.AsSpan(0, Count);

    /// <summary>Drops the room kept for words that were never added, once loading is done.</summary>
    public void TrimExcess()
    {
        Array.Resize(ref _chars, _starts[Count]);
        Array.Resize(ref _starts, Count + 1);
        Array.Resize(ref _weights, Count);
        Array.Resize(ref _frequencies, Count);
        Array.Resize(ref _tags, Count);
    }

    private ReadOnlySpan<char> Word(int index) => _chars.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    private void Rehash(int size)
    {
        _slots = new int[size];
        for (var i = 0; i < Count; i++)
        {
            Place(i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Place(int index)
    {
        var mask = _slots.Length - 1;
        var s = string.GetHashCode(Word(index)) & mask;
        while (_slots[s] != 0)
        {
            s = (s + 1) & mask;
        }
        _slots[s] = index + 1;
    }
}
