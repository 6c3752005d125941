using System.Text.Json;
using System.Text.Json.Nodes;
using HuaXin.Bot.Core;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.BotFramework.Connector;

/// <summary>Delivers outbox messages of a Bot Framework channel through the Bot Connector of the address's serviceUrl:
/// replies into the thread that asked, plain sends, in-place updates, and proactive new conversations.</summary>
public sealed class BotConnectorSender(string channel, IServiceProvider services, TimeProvider time) : IChannelSender
{
    public string Channel => channel;

    public async Task SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        BotAddress address;
        try
        {
            address = BotAddress.Parse(item.Address);
        }
        catch (JsonException e)
        {
            throw new PermanentDeliveryException($"Outbox item {item.Id} has no valid Bot Framework address.", e);
        }
        // Typed HttpClients are transient: resolving per send lets the factory rotate handlers (DNS changes).
        var client = services.GetRequiredService<ConnectorClient>();
        var activity = Render(item, address);
        try
        {
            await DeliverAsync(client, address, activity, item.IdempotencyKey, cancellationToken);
        }
        catch (ConnectorException e) when (e.IsPermanent)
        {
            throw new PermanentDeliveryException($"Bot Connector refused outbox item {item.Id}: {e.Message}", e);
        }
    }

    private static Task DeliverAsync(ConnectorClient client, BotAddress address, Activity activity, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (address.ConversationId is { } conversationId)
        {
            if (address.UpdateActivityId is { } activityId)
            {
                return client.UpdateActivityAsync(address.ServiceUrl, conversationId, activityId, activity, cancellationToken);
            }
            return address.ReplyToId is { } replyToId
                ? client.ReplyToActivityAsync(address.ServiceUrl, conversationId, replyToId, activity, idempotencyKey, cancellationToken)
                : client.SendToConversationAsync(address.ServiceUrl, conversationId, activity, idempotencyKey, cancellationToken);
        }
        return client.CreateConversationAsync(address.ServiceUrl, NewConversation(address, activity), idempotencyKey, cancellationToken);
    }

    /// <summary>Teams: into a channel as a new thread, or a 1:1 chat with a member (needs the tenant).</summary>
    private static ConversationParameters NewConversation(BotAddress address, Activity activity)
    {
        var channelData = new JsonObject();
        if (address.TenantId is { } tenant)
        {
            channelData["tenant"] = new JsonObject { ["id"] = tenant };
        }
        var bot = new ChannelAccount { Id = address.BotId, Name = address.BotName };
        if (address.TeamsChannelId is { } teamsChannel)
        {
            channelData["channel"] = new JsonObject { ["id"] = teamsChannel };
            return new ConversationParameters { Bot = bot, IsGroup = true, TenantId = address.TenantId, ChannelData = channelData, Activity = activity };
        }
        if (address.UserId is { } user)
        {
            return new ConversationParameters
            {
                Bot = bot,
                Members = [new ChannelAccount { Id = user, Name = address.UserName }],
                TenantId = address.TenantId,
                ChannelData = channelData,
                Activity = activity,
            };
        }
        throw new PermanentDeliveryException("A Bot Framework address needs a conversation, a Teams channel or a user.");
    }

    private Activity Render(OutboxItem item, BotAddress address)
    {
        // Teams shows text and card as two bubbles, and only a card sent alone keeps an id we can update later.
        var textWithCard = !string.Equals(address.ChannelId, ChannelNames.Teams, StringComparison.OrdinalIgnoreCase);
        return item.Message.ToActivity(textWithCard, address.UserId) with
        {
            ChannelId = address.ChannelId,
            ServiceUrl = address.ServiceUrl,
            Timestamp = time.GetUtcNow(),
            Locale = address.Locale,
            From = address.BotId is null ? null : new ChannelAccount { Id = address.BotId, Name = address.BotName },
            Recipient = address.UserId is null ? null : new ChannelAccount { Id = address.UserId, Name = address.UserName },
            Conversation = address.ConversationId is null ? null : new ConversationAccount { Id = address.ConversationId },
        };
    }
}
