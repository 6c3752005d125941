using System.Text.Json;
using System.Text.Json.Nodes;
using HuaXin.Bot.BotFramework.Authentication;
using HuaXin.Bot.BotFramework.Connector;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.Security;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.BotFramework;

/// <summary><c>POST /api/messages</c>: the Bot Framework messaging endpoint. Authenticates every activity before
/// anything is done with it, acknowledges messages at once (the turn runs from the durable inbound queue) and answers
/// invokes, and expectReplies requests of callers allowed to make them, synchronously, as those protocols require.</summary>
public sealed class MessagesEndpoint(
    BotAuthenticator authenticator,
    TrustedServiceUrls trustedServiceUrls,
    IInboundQueue inbound,
    IOutbox outbox,
    ITurnHandler turnHandler,
    UserRateLimiter limiter,
    TimeProvider time,
    IOptions<BotOptions> options,
    ILogger<MessagesEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var body = await ActivityReader.ReadAsync(context.Request, options.Value.MaxBodyBytes, cancellationToken);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var activity = body.Activity!;

        var auth = await authenticator.AuthenticateAsync(context, activity, cancellationToken);
        if (!auth.Succeeded)
        {
            return Results.Unauthorized();
        }
        if (ActivityReader.Validate(activity) is { } invalid)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid activity", detail: invalid);
        }
        if (auth.TrustedServiceUrl is not null)
        {
            await trustedServiceUrls.TrustAsync(auth.TrustedServiceUrl, cancellationToken);
        }
        // Only callers allowed to get replies in the response may have them there; everyone else gets them as usual.
        if (activity.DeliveryMode == ActivityTypes.ExpectReplies && !auth.MayExpectReplies)
        {
            activity = activity with { DeliveryMode = null };
        }
        if (activity.From?.Id is { } sender && limiter.TryAcquire(BotChannels.ForChannelId(activity.ChannelId), sender) is { } wait)
        {
            logger.LogWarning("Activity {ActivityId} not processed: its sender is over the rate limit", activity.Id);
            return await OverLimitAsync(activity, sender, wait, cancellationToken);
        }

        return activity.Type switch
        {
            ActivityTypes.Message => await OnMessageAsync(activity, cancellationToken),
            ActivityTypes.ConversationUpdate => await OnConversationUpdateAsync(activity, cancellationToken),
            ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardActionInvoke => await OnCardActionAsync(activity, cancellationToken),
            ActivityTypes.Invoke => Results.StatusCode(StatusCodes.Status501NotImplemented),
            // typing, messageReaction, installationUpdate, endOfConversation…: nothing to do.
            _ => Results.Ok(),
        };
    }

    private async Task<IResult> OnMessageAsync(Activity activity, CancellationToken cancellationToken)
    {
        var channel = BotChannels.ForChannelId(activity.ChannelId);
        var turn = activity.ToInboundTurn(time.GetUtcNow(), channel);
        if (turn.Text is null && turn.Value is null)
        {
            logger.LogInformation("Ignored message {ActivityId} without text or card data (attachments only)", activity.Id);
            return Results.Ok();
        }
        if (activity.DeliveryMode == ActivityTypes.ExpectReplies)
        {
            var replies = await turnHandler.HandleAsync(turn, cancellationToken);
            return ExpectedRepliesResult(activity, replies);
        }
        var accepted = await inbound.AcceptAsync(BotChannels.MessageKey(activity), turn, BotAddress.ReplyTo(activity).ToJson(), cancellationToken);
        if (!accepted)
        {
            logger.LogInformation("Activity {MessageKey} was redelivered; already accepted", BotChannels.MessageKey(activity));
        }
        return Results.Ok();
    }

    private async Task<IResult> OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!ShouldWelcome(activity))
        {
            return Results.Ok();
        }
        var welcome = WelcomeMessage.Create();
        if (activity.DeliveryMode == ActivityTypes.ExpectReplies)
        {
            return ExpectedRepliesResult(activity, [welcome]);
        }
        var address = BotAddress.ReplyTo(activity) with { ReplyToId = null };
        await outbox.EnqueueAsync(BotChannels.ForChannelId(activity.ChannelId), address.ToJson(), welcome, OutboxKey.Of("welcome", BotChannels.MessageKey(activity)), cancellationToken);
        return Results.Ok();
    }

    /// <summary>The user is told to slow down, in the chat, at most once a minute; the channel service gets its usual
    /// answer, not a 429 that Azure Bot Service would count as the bot failing (and might resend).</summary>
    private async Task<IResult> OverLimitAsync(Activity activity, string sender, TimeSpan wait, CancellationToken cancellationToken)
    {
        var notice = new OutboundMessage($"您发送得太快了，请 {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} 秒后再发。");
        var channel = BotChannels.ForChannelId(activity.ChannelId);
        if (activity.Type == ActivityTypes.Invoke)
        {
            return Results.Json(InvokeResponses.Message(notice.Text), BotJson.Options);
        }
        if (activity.Type != ActivityTypes.Message || !limiter.MayTellUser(channel, sender))
        {
            return Results.Ok();
        }
        if (activity.DeliveryMode == ActivityTypes.ExpectReplies)
        {
            return ExpectedRepliesResult(activity, [notice]);
        }
        await outbox.EnqueueAsync(channel, BotAddress.ReplyTo(activity).ToJson(), notice, OutboxKey.Of("slow-down", BotChannels.MessageKey(activity)), cancellationToken);
        return Results.Ok();
    }

    /// <summary>Greets when the bot itself is added, or when someone joins a chat the bot is in; not for every member
    /// who joins a whole team, which would flood a Teams channel.</summary>
    private static bool ShouldWelcome(Activity activity)
    {
        var added = activity.MembersAdded ?? [];
        if (added.Count == 0)
        {
            return false;
        }
        var botId = activity.Recipient?.Id;
        var botAdded = added.Any(m => m?.Id is not null && string.Equals(m.Id, botId, StringComparison.OrdinalIgnoreCase));
        return botAdded || activity.Conversation?.ConversationType != "channel";
    }

    /// <summary>Action.Execute: the staff member's press runs as a turn and the card they pressed is replaced by the
    /// refreshed one in the invoke response, which Teams shows to the presser only; the card message itself is updated
    /// for everyone in the chat through the outbox, as are further replies of the turn.</summary>
    private async Task<IResult> OnCardActionAsync(Activity activity, CancellationToken cancellationToken)
    {
        var channel = BotChannels.ForChannelId(activity.ChannelId);
        var turn = activity.ToInboundTurn(time.GetUtcNow(), channel);
        if (turn.Value is null)
        {
            return Results.Json(InvokeResponses.Error(400, "BadRequest", "Action.Execute without data."), BotJson.Options);
        }
        var replies = await turnHandler.HandleAsync(turn, cancellationToken);
        var refreshed = replies.FirstOrDefault(r => r.Card is not null);
        var address = BotAddress.ReplyTo(activity);
        var index = 0;
        foreach (var reply in replies.Where(r => !ReferenceEquals(r, refreshed)))
        {
            await outbox.EnqueueAsync(channel, address.ToJson(), reply, OutboxKey.Of(BotChannels.MessageKey(activity), "invoke", index++), cancellationToken);
        }
        if (refreshed is not null && activity.ReplyToId is { Length: > 0 } cardMessage)
        {
            var original = address with { ReplyToId = null, UpdateActivityId = cardMessage };
            await outbox.EnqueueAsync(channel, original.ToJson(), refreshed, OutboxKey.Of(BotChannels.MessageKey(activity), "update"), cancellationToken);
        }
        var response = refreshed is not null
            ? InvokeResponses.Card(AdaptiveCards.Render(refreshed.Card!, refreshed.Text))
            : InvokeResponses.Message(replies.Count > 0 ? "已处理" : "没有可更新的内容");
        return Results.Json(response, BotJson.Options);
    }

    private IResult ExpectedRepliesResult(Activity incoming, IReadOnlyList<OutboundMessage> replies)
    {
        var now = time.GetUtcNow();
        var activities = replies
            .Select(r => r.ToActivity(textWithCard: true).AddressedAsReplyTo(incoming) with { Timestamp = now })
            .ToArray();
        return Results.Json(new ExpectedReplies(activities), BotJson.Options);
    }
}

/// <summary>Bodies of the <c>adaptiveCard/action</c> invoke response (Universal Actions).</summary>
internal static class InvokeResponses
{
    public static JsonObject Card(JsonObject card) => new()
    {
        ["statusCode"] = 200,
        ["type"] = AdaptiveCards.ContentType,
        ["value"] = card,
    };

    public static JsonObject Message(string text) => new()
    {
        ["statusCode"] = 200,
        ["type"] = "application/vnd.microsoft.activity.message",
        ["value"] = text,
    };

    public static JsonObject Error(int status, string code, string message) => new()
    {
        ["statusCode"] = status,
        ["type"] = "application/vnd.microsoft.error",
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    };
}
