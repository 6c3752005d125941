namespace HuaXin.Bot.Api;

/// <summary>Settings under "Api" for the integration endpoints (/api/chat).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Keys accepted in the X-Api-Key header. Empty: the endpoint only answers callers on loopback.</summary>
    public string[] Keys { get; set; } = [];
}
