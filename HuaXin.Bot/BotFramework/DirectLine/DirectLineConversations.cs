using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <param name="BotFailed">The turn handler threw; the user was shown an apology instead of an answer.</param>
public sealed record PostOutcome(string ActivityId, bool BotFailed);

/// <summary>The conversation side of Direct Line: runs the turn for what the user sent, then stores the user's activity,
/// the turn's state and the bot's answers in one commit.</summary>
/// <remarks>Nothing of a turn is stored before it has run, so a service killed mid-turn has stored none of it and the
/// client's retry (same <c>clientActivityID</c>) runs it afresh; once stored, a retry gets the stored activity. A retry
/// that arrives while the first post is still running here waits for it instead of running the turn twice.</remarks>
public sealed class DirectLineConversations(
    DirectLineStore store,
    ITurnHandler turnHandler,
    DirectLineBotMessages botMessages,
    ConversationReferences references,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineConversations> logger)
{
    private const string Apology = "抱歉，服务暂时出现问题，请稍后再试。如有急事，请直接联系所在单位工会。";
    private const int MaxTurnAttempts = 3;

    private readonly ConcurrentDictionary<(string, string), Task<PostOutcome>> _running = new();

    /// <summary>Runs the turn and appends the user's activity (Web Chat waits for it, matched by
    /// <c>channelData.clientActivityID</c>) followed by the replies. A repeated post of the same client activity returns
    /// the stored one without running the turn again.</summary>
    public async Task<PostOutcome> PostAsync(string conversationId, DirectLineToken token, Activity posted, CancellationToken cancellationToken)
    {
        var clientActivityId = posted.ChannelData is JsonObject data && data["clientActivityID"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (clientActivityId is null)
        {
            return await RunAsync(conversationId, token, posted, null);
        }
        var key = (conversationId, $"client:{clientActivityId}");
        var started = new TaskCompletionSource<PostOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _running.GetOrAdd(key, started.Task);
        if (running != started.Task)
        {
            return await running.WaitAsync(cancellationToken);
        }
        try
        {
            var outcome = await RunAsync(conversationId, token, posted, key.Item2);
            started.SetResult(outcome);
            return outcome;
        }
        catch (Exception e)
        {
            started.SetException(e);
            throw;
        }
        finally
        {
            _running.TryRemove(key, out _);
        }
    }

    private async Task<PostOutcome> RunAsync(string conversationId, DirectLineToken token, Activity posted, string? idempotencyKey)
    {
        // Not the request's token: a user who closes the page mid-turn still finds the answer when they come back.
        var ct = lifetime.ApplicationStopping;
        if (idempotencyKey is not null && await store.FindActivityIdAsync(conversationId, idempotencyKey, ct) is { } stored)
        {
            return new PostOutcome(stored, BotFailed: false);
        }
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var echo = posted with
            {
                Timestamp = now,
                ChannelId = ChannelNames.DirectLine,
                ServiceUrl = null,
                // The token, not the body, says who is speaking: a page cannot post as another user.
                From = new ChannelAccount { Id = token.UserId, Name = posted.From?.Name ?? token.UserName, Role = "user" },
                Recipient = botMessages.Bot,
                Conversation = new ConversationAccount { Id = conversationId },
            };
            using var writes = TurnWrites.Begin();
            IReadOnlyList<OutboundMessage> replies;
            var botFailed = false;
            try
            {
                replies = await turnHandler.HandleAsync(echo.ToInboundTurn(now, ChannelNames.DirectLine), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Turn failed in Direct Line conversation {ConversationId}", conversationId);
                replies = [new OutboundMessage(Apology)];
                botFailed = true;
            }
            var turn = await store.AppendTurnAsync(
                conversationId,
                idempotencyKey,
                id => BotJson.Serialize(echo with { Id = id }),
                replies.Select(reply => (Func<string, string, string>)((id, echoId) => botMessages.Render(conversationId, token.UserId, reply, id, echoId, now))).ToList(),
                botFailed ? null : writes,
                // Ticket notices for this user go to the conversation they last used.
                (db, c) => references.RememberAsync(db, ChannelNames.DirectLine, token.UserId, DirectLineAddress.For(conversationId), c),
                ct);
            if (turn.Result is { } result)
            {
                return new PostOutcome(result.ActivityId, botFailed && result.Appended);
            }
            if (attempt >= MaxTurnAttempts)
            {
                throw new StateConflictException(conversationId);
            }
            // The conversation's state moved on (another instance) while the turn ran: run it again on the new state.
        }
    }
}
