using System.Text.RegularExpressions;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>"我的诉求": the requests this user has submitted, newest first.</summary>
public sealed partial class MyRequestsDialog(Taxonomy taxonomy, IServiceRequestStore requests, TimeProvider time, IRequesterTickets? tickets = null)
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
            // Asked while a request is being taken down: that one is not submitted yet, and the next question finishes it.
            turn.Say(Replies.Text(turn.State.Intake is null
                ? "您还没有提交过诉求。需要帮忙的话，直接告诉我要办什么事就行。"
                : "您还没有提交过诉求。正在登记的这件，回答完下面几个问题就能提交。"));
            return;
        }
        var facts = mine.OrderByDescending(r => r.CreatedAt).Take(MaxShown)
            .Select(r => new CardFact(r.Number,
                $"{taxonomy.Find(r.Category)?.Name ?? r.Category}｜{r.Department}｜{r.Status}｜{time.Short(r.CreatedAt)}提交"
                + (r.ContactBy is { } by ? $"｜{time.Short(by)}前联系您" : "")))
            .ToList();
        turn.Say(Replies.Card(CardKinds.List, $"您的诉求（共{mine.Count}件）", null, facts));
    }

    /// <summary>"把刚才那个撤了吧", "取消诉求", "搞错了 把紧急求助取消了", and short "撤了吧", "不用来了": asks to withdraw a
    /// submitted request.</summary>
    public static bool AsksToWithdraw(string text) => text.Length <= 40 && WithdrawVerb().IsMatch(text) && (text.Length <= 24 || RequestWords().IsMatch(text));

    /// <summary>"撤销诉求", "把俺报的单子撤了": names a submitted request, so it is about one even when there is none.</summary>
    public static bool NamesARequest(string text) => Submitted().IsMatch(text);

    [GeneratedRegex("诉求|工单|单子|报的|提交的")]
    private static partial Regex Submitted();

    /// <summary>Offers the withdrawal of the family's open requests as buttons; the pressed "撤回 HX-…" is the requester's
    /// ticket command, so the ticket's own rules decide and record it.</summary>
    public async Task OfferWithdrawalAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        var open = (await requests.ListByRequesterAsync(turn.Inbound.Channel, turn.Inbound.UserId, cancellationToken))
            .Where(r => r.Open).OrderByDescending(r => r.CreatedAt).Take(MaxShown).ToList();
        if (open.Count == 0)
        {
            turn.Say(Replies.Text("您家现在没有正在办理的诉求，不用撤回。已办结或已撤回的诉求可以发送「我的诉求」查看。", Phrases.MyRequests));
            return;
        }
        // "不用了" is how many ask to withdraw; the way out says what it keeps.
        string[] buttons = [.. open.Select(r => $"撤回 {r.Number}"), KeepIt];
        turn.State.WithdrawalOffered = open.Count == 1 ? open[0].Number : null;
        turn.Say(open.Count == 1
            ? Replies.Text($"要撤回诉求 {open[0].Number}（{Named(open[0])}）吗？撤回后承办部门就不再处理了。点「撤回 {open[0].Number}」确认。", buttons)
            : Replies.Text($"您家有{open.Count}件诉求正在办理：\n{string.Join("\n", open.Select(r => $"· {r.Number}（{Named(r)}）"))}\n要撤回哪一件？点对应的「撤回」确认。", buttons));
    }

    private const string KeepIt = "不撤了";

    /// <summary>The answer to the offer of one request's withdrawal: a yes or "撤了吧" withdraws it through the ticket's
    /// own rules, a no keeps it; anything else is not an answer to it (false), and the offer is forgotten either way.</summary>
    public async Task<bool> TryAnswerWithdrawalAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        if (turn.State.WithdrawalOffered is not { } number) return false;
        turn.State.WithdrawalOffered = null;
        // The button ("撤回 HX-…") is a ticket command that never reaches the conversation: the offer may be settled.
        if (!(await requests.ListByRequesterAsync(turn.Inbound.Channel, turn.Inbound.UserId, cancellationToken)).Any(r => r.Open && r.Number == number)) return false;
        var text = turn.Text;
        if (tickets is not null && (Phrases.IsYes(text) || Phrases.IsConfirm(text) || (AsksToWithdraw(text) && !text.StartsWith(KeepIt, StringComparison.Ordinal))))
        {
            turn.Say(Replies.Text(await tickets.WithdrawAsync(number, turn.Inbound.Channel, turn.Inbound.UserId, cancellationToken), Phrases.MyRequests));
            return true;
        }
        if (text.StartsWith(KeepIt, StringComparison.Ordinal) || text is "不撤" or "不撤回" || Phrases.IsNo(text))
        {
            turn.Say(Replies.Text($"好的，诉求 {number} 继续办理。", Phrases.MyRequests));
            return true;
        }
        return false;
    }

    /// <summary>"催一下 都一天了没人来", "咋还没人联系俺": the requester is waiting on a request.</summary>
    public static bool Hurries(string text) => text.Length <= 40 && Hurry().IsMatch(text);

    /// <summary>Passes the hurry on to the department of the family's newest open request (as the requester's 补充, so it
    /// is recorded and notified) and says which request it went to; false when the family has no open request.</summary>
    public Task<bool> TryHurryAsync(DialogTurn turn, CancellationToken cancellationToken) =>
        TryAddAsync(turn, "申请人催办",
            open => $"已帮您催办诉求 {open.Number}（{Named(open)}），{open.Department}会尽快联系您。等急了也可以拨打服务热线 {taxonomy.Hotline}。",
            cancellationToken);

    /// <summary>"补充一下 俺娘眼睛看不清", "时间不对 改成下礼拜二" after the request went in: added to the family's newest open
    /// request for its department to read, instead of a second request or a greeting.</summary>
    public Task<bool> TryAddDetailsAsync(DialogTurn turn, CancellationToken cancellationToken) =>
        TryAddAsync(turn, "申请人补充",
            open => $"已补充到诉求 {open.Number}（{Named(open)}），{open.Department}会看到，联系您时再跟您核对。",
            cancellationToken);

    private async Task<bool> TryAddAsync(DialogTurn turn, string label, Func<RequestSummary, string> done, CancellationToken cancellationToken)
    {
        if (tickets is null) return false;
        var open = (await requests.ListByRequesterAsync(turn.Inbound.Channel, turn.Inbound.UserId, cancellationToken))
            .Where(r => r.Open).OrderByDescending(r => r.CreatedAt).FirstOrDefault();
        if (open is null) return false;
        var passed = await tickets.SupplementAsync(open.Number, turn.Inbound.Channel, turn.Inbound.UserId, $"{label}：{turn.RawText.Trim()}", cancellationToken);
        // Passed on ("已…"), the family hears which request it went to; otherwise the ticket's own reason.
        turn.Say(Replies.Text(passed.StartsWith('已') ? done(open) : $"{passed}（诉求 {open.Number}）", Phrases.MyRequests));
        return true;
    }

    /// <summary>Details for a request already in: said to be a supplement, or a correction of one of its fields.</summary>
    public static bool AddsDetails(string text) =>
        text.Length <= 60 && (Supplement().IsMatch(text) || (Corrections.IsCorrection(text) && Corrections.NamedSlot(text) is not null));

    // Something must follow: "对了" alone is a yes, "补充" alone has nothing to add yet.
    [GeneratedRegex(@"^(再|还要|还得|还想)?(补充|补一句|忘了说|忘说了|另外说一下|对了)[^\p{L}]*\p{L}{2,}")]
    private static partial Regex Supplement();

    private string Named(RequestSummary r) => $"{taxonomy.Find(r.Category)?.Name ?? r.Category}｜{r.Status}";

    // Waiting, not a new trouble: "俺娘没人管" is a request of its own.
    [GeneratedRegex(@"催(?!吐|眠|奶|产|熟|泪|化|生)|咋还没|怎么还没|还没人|还不来|等了.{0,4}(天|久)|都.{1,3}(天|久)了")]
    private static partial Regex Hurry();

    // "不用来了", "别来了", "那个换玻璃的不用了": the help is not wanted any more, so the request can go.
    [GeneratedRegex(@"撤回|撤销|撤了|撤掉|撤下|撤一下|撤吧|取消|不要了|作废|不用来了|别来了|不用派人|(的|事)不用了|不修了|不用修了|不用办了|不办了|不想办了|自己修好了|邻居修好了|修好了不用|不用你们来|不用你们了|不用来人|(自己|儿子|闺女|邻居|俺|他)[^，。]{0,6}(修好|弄好|通开|治好)了")]
    private static partial Regex WithdrawVerb();

    [GeneratedRegex(@"诉求|求助|登记|申请|工单|单子|那个|刚才|刚刚|报的|提交的|你们")]
    private static partial Regex RequestWords();
}
