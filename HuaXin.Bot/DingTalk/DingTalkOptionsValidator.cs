using Microsoft.Extensions.Options;

namespace HuaXin.Bot.DingTalk;

/// <summary>Fails start-up with a message naming the missing setting, instead of a 401 from DingTalk much later.</summary>
public sealed class DingTalkOptionsValidator : IValidateOptions<DingTalkOptions>
{
    public ValidateOptionsResult Validate(string? name, DingTalkOptions options)
    {
        if (options.Mode == DingTalkMode.Off)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppKey))
        {
            failures.Add($"DingTalk:AppKey is required when DingTalk:Mode is {options.Mode} (the enterprise app's AppKey / Client ID).");
        }
        if (string.IsNullOrWhiteSpace(options.AppSecret))
        {
            failures.Add($"DingTalk:AppSecret is required when DingTalk:Mode is {options.Mode} (the enterprise app's AppSecret / Client Secret).");
        }
        if (!options.ApiBaseUrl.IsAbsoluteUri || !options.OapiBaseUrl.IsAbsoluteUri || !options.LoginBaseUrl.IsAbsoluteUri)
        {
            failures.Add("DingTalk:ApiBaseUrl, OapiBaseUrl and LoginBaseUrl must be absolute URLs such as https://api.dingtalk.com.");
        }
        if (options.StreamKeepAlive <= TimeSpan.Zero || options.StreamPingTimeout <= TimeSpan.Zero)
        {
            failures.Add("DingTalk:StreamKeepAlive and DingTalk:StreamPingTimeout must be positive.");
        }
        if (options.MaxCallbackBytes <= 0 || options.MaxRetryAttempts < 0)
        {
            failures.Add("DingTalk:MaxCallbackBytes must be positive and DingTalk:MaxRetryAttempts not negative.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
