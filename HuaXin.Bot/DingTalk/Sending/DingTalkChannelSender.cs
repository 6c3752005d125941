using HuaXin.Bot.Core;
using HuaXin.Bot.DingTalk.OpenApi;
using HuaXin.Bot.Messaging;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.DingTalk.Sending;

/// <summary>Delivers outbox items for channel "dingtalk": through the session webhook while it is valid (cheap, no token,
/// no API quota), otherwise through the OpenAPI to the same group or person. Ticket cards get 受理/办结 link buttons
/// to the console when its public address is configured.</summary>
public sealed class DingTalkChannelSender(DingTalkApiClient api, IButtonLinks links, IOptionsMonitor<DingTalkOptions> options, TimeProvider time,
    ILogger<DingTalkChannelSender> logger)
    : IChannelSender
{
    public string Channel => ChannelNames.DingTalk;

    public async Task SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var address = DingTalkReplyAddress.FromJson(item.Address);
        var parts = DingTalkMarkdown.Render(links.AddTo(item.Message)).SplitToLimit();
        var remaining = parts.Count;
        if (WebhookUsable(address))
        {
            // @ the sender in groups, so the reply is noticed among other messages.
            IReadOnlyList<string> at = address.IsGroup && address.SenderStaffId is { } staffId ? [staffId] : [];
            foreach (var part in parts)
            {
                if (!await api.SendToWebhookAsync(address.SessionWebhook!, part, at, cancellationToken))
                {
                    logger.LogInformation("Outbox item {Id}: session webhook refused; falling back to the OpenAPI", item.Id);
                    break;
                }
                remaining--;
            }
        }
        foreach (var part in parts.Skip(parts.Count - remaining))
        {
            await SendByOpenApiAsync(address, part, cancellationToken);
        }
        logger.LogInformation("Outbox item {Id} delivered to DingTalk in {Parts} part(s)", item.Id, parts.Count);
    }

    private bool WebhookUsable(DingTalkReplyAddress address) =>
        options.CurrentValue.IsDingTalkHost(address.SessionWebhook)
        && address.SessionWebhookExpiresAt is { } expires
        && time.GetUtcNow() + options.CurrentValue.SessionWebhookMargin < expires;

    private Task SendByOpenApiAsync(DingTalkReplyAddress address, DingTalkMessage part, CancellationToken cancellationToken)
    {
        if (address.IsGroup)
        {
            return api.SendToGroupAsync(address.ConversationId, part, address.RobotCode, cancellationToken);
        }
        if (string.IsNullOrEmpty(address.SenderStaffId))
        {
            throw new PermanentDeliveryException("The session webhook has expired and the sender has no staff id to message directly.");
        }
        return api.SendToUsersAsync([address.SenderStaffId], part, address.RobotCode, cancellationToken);
    }
}
