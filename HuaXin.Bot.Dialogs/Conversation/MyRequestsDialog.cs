using System.Globalization;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>"我的诉求": the requests this user has submitted, newest first.</summary>
public sealed class MyRequestsDialog(Taxonomy taxonomy, IServiceRequestStore requests, TimeProvider time)
{
    private const int MaxShown = 10;

    public async Task<bool> HasAnyAsync(DialogTurn turn, CancellationToken cancellationToken) =>
        (await requests.ListByRequesterAsync(turn.Inbound.Channel, turn.Inbound.UserId, cancellationToken)).Count > 0;

    /// <param name="number">A ticket number the user typed: only that one of the family's tickets.</param>
    public async Task ShowAsync(DialogTurn turn, string? number, CancellationToken cancellationToken)
    {
        var mine = await requests.ListByRequesterAsync(turn.Inbound.Channel, turn.Inbound.UserId, cancellationToken);
        if (number is not null)
        {
            mine = mine.Where(r => string.Equals(r.Number.Replace("-", ""), number.Replace("-", ""), StringComparison.OrdinalIgnoreCase)).ToList();
            if (mine.Count == 0)
            {
                turn.Say(Replies.Text($"在您家的诉求里没有找到 {number}。请核对编号，或发送「{Phrases.MyRequests}」查看全部。", Phrases.MyRequests));
                return;
            }
        }
        if (mine.Count == 0)
        {
            turn.Say(Replies.Text("您还没有提交过诉求。需要帮忙的话，直接告诉我要办什么事就行。"));
            return;
        }
        var facts = mine.OrderByDescending(r => r.CreatedAt).Take(MaxShown)
            .Select(r => new CardFact(r.Number,
                $"{taxonomy.Find(r.Category)?.Name ?? r.Category}｜{r.Department}｜{r.Status}｜{TimeZoneInfo.ConvertTime(r.CreatedAt, time.LocalTimeZone).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture)}"))
            .ToList();
        turn.Say(Replies.Card(CardKinds.List, $"您的诉求（共{mine.Count}件）", null, facts));
    }
}
