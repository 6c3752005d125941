using Microsoft.Extensions.Options;

namespace HuaXin.Bot.AI;

/// <summary>Fails startup with a message naming the setting, rather than falling back silently on every turn.</summary>
public sealed class AIOptionsValidator : IValidateOptions<AIOptions>
{
    public ValidateOptionsResult Validate(string? name, AIOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = new List<string>();
        if (options.Endpoint is not { IsAbsoluteUri: true } endpoint || endpoint.Scheme is not ("http" or "https"))
        {
            errors.Add($"AI:Endpoint must be an absolute http(s) URL when AI:Provider is {options.Provider}.");
        }
        if (string.IsNullOrWhiteSpace(options.ChatModel))
        {
            errors.Add(options.Provider == AIProvider.AzureOpenAI
                ? "AI:ChatModel must name the Azure OpenAI chat deployment."
                : "AI:ChatModel must name the model (e.g. qwen-plus, deepseek-chat).");
        }
        // Local OpenAI-compatible servers often need no key; Azure always does.
        if (options.Provider == AIProvider.AzureOpenAI && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            errors.Add("AI:ApiKey is required for Azure OpenAI; set it with user secrets or the AI__ApiKey environment variable.");
        }
        if (options.CallTimeout > options.TurnDeadline)
        {
            errors.Add($"AI:CallTimeout ({options.CallTimeout}) must not exceed AI:TurnDeadline ({options.TurnDeadline}).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
