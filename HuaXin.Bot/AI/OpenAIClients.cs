using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using OpenAI.Embeddings;

namespace HuaXin.Bot.AI;

/// <summary>Builds the SDK clients over the resilient named HttpClient, with the SDK's own retries off so Polly alone decides.</summary>
internal static class OpenAIClients
{
    public static OpenAIClient Create(AIOptions options, HttpClient http)
    {
        var transport = new HttpClientPipelineTransport(http);
        var noRetry = new ClientRetryPolicy(0);
        // Local servers may need no key, but the SDK wants a credential.
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "none" : options.ApiKey);
        return options.Provider == AIProvider.AzureOpenAI
            ? new AzureOpenAIClient(options.Endpoint!, key, new AzureOpenAIClientOptions { Transport = transport, RetryPolicy = noRetry })
            : new OpenAIClient(key, new OpenAIClientOptions { Endpoint = options.Endpoint, Transport = transport, RetryPolicy = noRetry });
    }

    public static IChatCompletionService Chat(AIOptions options, OpenAIClient client, ILoggerFactory loggers) =>
        client is AzureOpenAIClient azure
            ? new AzureOpenAIChatCompletionService(options.ChatModel!, azure, loggerFactory: loggers)
            : new OpenAIChatCompletionService(options.ChatModel!, client, loggers);

    public static EmbeddingClient Embeddings(AIOptions options, OpenAIClient client) => client.GetEmbeddingClient(options.EmbeddingModel);
}
