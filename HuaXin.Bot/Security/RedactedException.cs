using HuaXin.Bot.Core;

namespace HuaXin.Bot.Security;

/// <summary>Stands in for an exception whose text holds a phone number: same type name and stack, masked message.</summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;

    private RedactedException(string text, string message) : base(message) => _text = text;

    public static Exception? From(Exception? exception)
    {
        if (exception is null)
        {
            return null;
        }
        var text = exception.ToString();
        var masked = MobileNumber.MaskAll(text);
        return ReferenceEquals(text, masked) ? exception : new RedactedException(masked, MobileNumber.MaskAll(exception.Message));
    }

    public override string ToString() => _text;
}
