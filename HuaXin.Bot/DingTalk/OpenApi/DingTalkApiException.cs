namespace HuaXin.Bot.DingTalk.OpenApi;

/// <summary>A DingTalk call failed in a way that may pass (throttling, outage, refused token); the outbox retries it.</summary>
public sealed class DingTalkApiException(string message) : Exception(message);
