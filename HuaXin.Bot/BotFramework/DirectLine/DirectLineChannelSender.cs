using HuaXin.Bot.Core;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>Delivers proactive messages (ticket updates) to a web-chat user by appending them to the user's Direct Line
/// conversation: the page shows them over its WebSocket, or on its next visit with the same conversation.</summary>
public sealed class DirectLineChannelSender(DirectLineStore store, DirectLineBotMessages botMessages) : IChannelSender
{
    public string Channel => ChannelNames.DirectLine;

    public async Task SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var address = DirectLineAddress.Parse(item.Address)
            ?? throw new PermanentDeliveryException($"Outbox item {item.Id}: not a Direct Line address.");
        var conversation = await store.FindConversationAsync(address.ConversationId, cancellationToken)
            ?? throw new PermanentDeliveryException($"Outbox item {item.Id}: Direct Line conversation {address.ConversationId} does not exist.");
        // The outbox key makes a redelivery after a crash land on the stored activity instead of showing twice.
        await botMessages.AppendAsync(conversation.Id, conversation.UserId, item.Message, null, $"outbox:{item.IdempotencyKey}", cancellationToken);
    }
}
