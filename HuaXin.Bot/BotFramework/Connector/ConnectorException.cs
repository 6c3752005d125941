using System.Net;

namespace HuaXin.Bot.BotFramework.Connector;

/// <summary>The Bot Connector (or the token endpoint) refused a request after the resilience pipeline gave up.</summary>
/// <param name="IsPermanent">True when retrying the same request cannot succeed (bad request, unknown conversation, untrusted URL).</param>
public sealed class ConnectorException(HttpStatusCode? statusCode, string code, string message, bool permanent)
    : Exception($"{code}: {message}")
{
    public HttpStatusCode? StatusCode { get; } = statusCode;
    public string Code { get; } = code;
    public bool IsPermanent { get; } = permanent;
}
