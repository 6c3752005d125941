using System.Security.Cryptography;
using System.Text;
using HuaXin.Bot.Security;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Api;

/// <summary>Guards integration endpoints: an API key when keys are configured, otherwise callers on this machine that did
/// not come through the proxy.</summary>
public static class ApiKeyCheck
{
    public const string Header = "X-Api-Key";

    public static IResult? Check(HttpContext context)
    {
        var keys = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.Keys;
        if (keys.Length == 0)
        {
            return LocalCaller.IsDirect(context)
                ? null
                : ApiError.Forbidden("未配置 API 密钥时只允许本机访问。/ Without configured API keys only loopback callers are allowed.");
        }
        var presented = context.Request.Headers[Header].ToString();
        var presentedBytes = Encoding.UTF8.GetBytes(presented);
        var ok = keys.Any(k => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k), presentedBytes));
        return ok ? null : ApiError.Unauthorized("API 密钥无效或缺失。/ Missing or invalid API key.");
    }
}
