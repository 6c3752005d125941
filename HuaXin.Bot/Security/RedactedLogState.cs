using System.Collections;
using HuaXin.Bot.Core;

namespace HuaXin.Bot.Security;

/// <summary>A log entry's state with the formatted message and every string value masked; keeps the names so
/// structured sinks still get their fields. {OriginalFormat} is masked too: a number can be written into a template.</summary>
internal sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _values;

    public RedactedLogState(string message, IReadOnlyList<KeyValuePair<string, object?>>? values)
    {
        Message = MobileNumber.MaskAll(message);
        _values = values is null ? [] : [.. values.Select(v => new KeyValuePair<string, object?>(v.Key, Redact(v.Value)))];
    }

    public string Message { get; }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    /// <summary>Numbers are kept as numbers (an id is not a phone unless written as text); anything else is masked as text.</summary>
    private static object? Redact(object? value) => value switch
    {
        null => null,
        string s => MobileNumber.MaskAll(s),
        int or short or byte or bool or double or float or decimal or DateTime or DateTimeOffset or TimeSpan or Guid => value,
        _ => MobileNumber.MaskAll(value.ToString() ?? ""),
    };
}
