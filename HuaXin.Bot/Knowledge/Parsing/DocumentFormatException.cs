namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>The file cannot be used; <see cref="Exception.Message"/> is the reason shown to document owners.</summary>
public sealed class DocumentFormatException(string reason, Exception? inner = null) : Exception(reason, inner);
