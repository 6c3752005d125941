using System.Text.Json.Nodes;
using HuaXin.Bot.Conversations;
using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <param name="BotFailed">The turn handler threw; the user was shown an apology instead of an answer.</param>
public sealed record PostOutcome(string ActivityId, bool BotFailed);

/// <summary>The conversation side of Direct Line: stores what the user sent, runs the turn, stores the bot's answers.</summary>
public sealed class DirectLineConversations(
    DirectLineStore store,
    ITurnHandler turnHandler,
    DirectLineBotMessages botMessages,
    ConversationReferences references,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineConversations> logger)
{
    public const string Channel = "directline";
    private const string Apology = "抱歉，服务暂时出现问题，请稍后再试。如有急事，请直接联系所在单位工会。";

    /// <summary>Echoes the user's activity into the conversation (Web Chat waits for it, matched by
    /// <c>channelData.clientActivityID</c>), then runs the turn and appends the replies. A repeated post of the same
    /// client activity returns the stored one without running the turn again.</summary>
    public async Task<PostOutcome> PostAsync(string conversationId, DirectLineToken token, Activity posted, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var clientActivityId = posted.ChannelData is JsonObject data && data["clientActivityID"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        Activity echo = null!;
        var stored = await store.AppendAsync(conversationId, clientActivityId is null ? null : $"client:{clientActivityId}", id =>
        {
            echo = posted with
            {
                Id = id,
                Timestamp = now,
                ChannelId = Channel,
                ServiceUrl = null,
                // The token, not the body, says who is speaking: a page cannot post as another user.
                From = new ChannelAccount { Id = token.UserId, Name = posted.From?.Name ?? token.UserName, Role = "user" },
                Recipient = botMessages.Bot,
                Conversation = new ConversationAccount { Id = conversationId },
            };
            return BotJson.Serialize(echo);
        }, cancellationToken);
        if (!stored.Appended)
        {
            return new PostOutcome(stored.ActivityId, BotFailed: false);
        }

        // Ticket notices for this user go to the conversation they last used.
        await references.RememberAsync(Channel, token.UserId, DirectLineAddress.For(conversationId), lifetime.ApplicationStopping);
        IReadOnlyList<OutboundMessage> replies;
        try
        {
            // Not the request's token: a user who closes the page mid-turn still finds the answer when they come back.
            replies = await turnHandler.HandleAsync(echo.ToInboundTurn(now, Channel), lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Turn failed in Direct Line conversation {ConversationId}", conversationId);
            await botMessages.AppendAsync(conversationId, token.UserId, new OutboundMessage(Apology), stored.ActivityId, $"reply:{stored.Sequence}:error", lifetime.ApplicationStopping);
            return new PostOutcome(stored.ActivityId, BotFailed: true);
        }
        for (var i = 0; i < replies.Count; i++)
        {
            await botMessages.AppendAsync(conversationId, token.UserId, replies[i], stored.ActivityId, $"reply:{stored.Sequence}:{i}", lifetime.ApplicationStopping);
        }
        return new PostOutcome(stored.ActivityId, BotFailed: false);
    }
}
