using System.Globalization;
using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Safety;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Text;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>Danger first: says at once what to do (120/119/110, the crisis line from the knowledge base), opens one
/// urgent ticket for the department the taxonomy names, with the policy's urgent first-contact time — the ticket store
/// alerts that department — and takes a call-back number if none was given.</summary>
public sealed partial class DangerDialog(
    Taxonomy taxonomy,
    IServiceRequestStore requests,
    SlotExtractors extractors,
    TimeProvider time,
    IKnowledgeEvidence? evidence,
    IRequesterProfiles? profiles,
    IRequesterTickets? tickets)
{
    // Later danger messages within this time add to the same ticket.
    private static readonly TimeSpan SameEmergency = TimeSpan.FromHours(6);

    // Where and when, said without a new request, belong to an emergency told this recently.
    private static readonly TimeSpan DetailsWithin = TimeSpan.FromMinutes(30);

    /// <summary>For a weak signal, more often an everyday message than an emergency: the numbers, in one line, and no
    /// urgent ticket; the crisis line when what the model saw was self-harm.</summary>
    public async Task SayNumbersAsync(DialogTurn turn, string kind, CancellationToken cancellationToken) =>
        turn.Say(Replies.Text(kind == DangerDetector.SelfHarm
            ? $"如果您心里很难受，随时可以拨打心理关爱热线 {await CrisisLineAsync(cancellationToken)}，有人听您说。"
            : "如果现在有危险：有人病倒或受伤请马上拨打120，着火拨119，有人闹事打人拨110。"));

    /// <summary>A short "嗯" or "好" soon after a self-harm message: the bot stays with them and says help is coming.</summary>
    public async Task StayWithAsync(DialogTurn turn, CancellationToken cancellationToken) =>
        turn.Say(Replies.Text($"我一直在这儿。心理关爱的同事会尽快联系您；心里难受，随时跟我说，也可以拨打心理关爱热线 {await CrisisLineAsync(cancellationToken)}。"));

    public async Task RespondAsync(DialogTurn turn, DangerSignal signal, CancellationToken cancellationToken)
    {
        var kind = signal.Kind;
        // "俺爹刚才喝了农药": someone else has already done it, so 120 comes first (a medical ticket), the crisis line after.
        // A small child who swallowed something ("俺孙子把农药喝了一口") was poisoned by accident: 120 alone.
        if (kind.Kind == DangerDetector.SelfHarm && SomeoneElseDidIt().Match(turn.Text) is { Success: true } other
            && taxonomy.Danger.Kind(Medical) is { } medical)
            kind = SmallChild().IsMatch(other.Groups["who"].Value) ? medical
                : medical with { Say = $"{medical.Say}\n心理关爱热线 {{crisis}}，家里人也可以打来说说话。" };
        // First aid holds whatever the kind is named: a rescuer who touches someone still live is the next victim.
        kind = kind with { Say = WithFirstAid(turn.Text, kind.Say) };
        var now = time.GetUtcNow();
        var open = turn.State.Danger is { } earlier && now - earlier.At < SameEmergency ? earlier : null;
        turn.State.Offer = null;
        // The same danger told again ("打了120了 救护车来了", "她已经出去了") is news about it: repeating what to do first
        // reads as if the bot had not listened. Another danger gets its own instructions, and so does the same kind of
        // danger to someone else ("俺娘也晕倒了").
        if (open is null || open.Kind != kind.Kind || (SomeoneElseToo().IsMatch(turn.Text) && !signal.ByModel))
        {
            var crisis = kind.Say.Contains("{crisis}", StringComparison.Ordinal) ? await CrisisLineAsync(cancellationToken) : "";
            turn.Say(Replies.Card("emergency", kind.Title, kind.Say.Replace("{crisis}", crisis, StringComparison.Ordinal), []));
        }
        if (open is not null)
        {
            await SupplementAsync(turn, open, cancellationToken);
            return;
        }

        var category = taxonomy.Get(kind.Category);
        var slots = extractors.ExtractStated(TextNormalizer.Normalize(turn.RawText))
            .Where(s => s.Key is SlotNames.Phone or SlotNames.Relation or SlotNames.City or SlotNames.Address)
            .ToDictionary(s => s.Key, s => s.Value.Value);
        // A number given earlier in this conversation, for the request being filled in, reaches the same person.
        if (!slots.ContainsKey(SlotNames.Phone) && turn.State.Intake?.Slots.GetValueOrDefault(SlotNames.Phone) is { } given)
            slots[SlotNames.Phone] = given;
        if (!slots.ContainsKey(SlotNames.Phone) && profiles is not null
            && await profiles.FindAsync(turn.Inbound.Channel, turn.Inbound.UserId, cancellationToken) is { Phone: { } rosterPhone })
            slots[SlotNames.Phone] = rosterPhone;
        slots[SlotNames.Urgency] = SlotNames.Urgent;
        slots[SlotNames.Description] = turn.RawText;
        var within = category.FirstContactWithin(urgent: true);
        // The turn's timestamp names it: a replay of this turn finds the ticket instead of opening a second one.
        var created = await requests.CreateAsync(new NewServiceRequest(category.Code, category.Department, turn.Inbound.Channel,
            turn.Inbound.UserId, turn.Inbound.UserName, slots, turn.RawText, Urgent: true, within,
            $"danger:{turn.Inbound.ConversationKey}:{turn.Inbound.Timestamp.UtcTicks}"), cancellationToken);
        var awaitingPhone = !slots.ContainsKey(SlotNames.Phone);
        turn.State.Danger = new DangerState { Number = created.Number, Kind = kind.Kind, At = now, AwaitingPhone = awaitingPhone, Talking = true };

        var by = time.Short(created.PromisedContactBy);
        var hours = within.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
        turn.Say(Replies.Text($"已为您登记紧急求助（编号 {created.Number}），已通知{category.Department}，会在 {by} 前联系您（承诺{hours}小时内）。"
            + (awaitingPhone ? PhoneAsk(kind.Kind) : "")));
        // "家里遭了火灾 房子烧了一半…日子过不下去了": despair over a trouble the group helps with. The practical help is
        // said beside the crisis line; hopelessness is often about that trouble.
        if (kind.Kind == DangerDetector.SelfHarm && taxonomy.Find(Hardship) is { } aid
            && aid.Cues.Score(TextNormalizer.Normalize(turn.RawText)) >= HardshipCue)
            turn.Say(Replies.Text($"家里遇到的难处也有人帮：{aid.Department}有困难帮扶和紧急救助，同事联系您时一起跟他说就行。"));
    }

    private const string Hardship = "hardship_aid";

    // One word of the hardship service's own (烧了, 没钱, 欠债), not 大病 or 着火 alone, which weigh 1.
    private const double HardshipCue = 2;

    /// <summary>A call-back number after a danger message goes to its ticket. A number typed while a request is being
    /// filled in serves both: the request's dialog reads it too.</summary>
    public async Task<bool> TryTakePhoneAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        if (turn.State.Danger is not { AwaitingPhone: true } open) return false;
        var filling = turn.State.Intake is not null;
        if ((PhoneExtractor.Mobile(turn.Text) ?? PhoneExtractor.Landline(turn.Text)) is not { } phone)
        {
            // "用俺这个手机号就行", a number cut short: an answer about the number, not a new question. The web chat
            // cannot see the caller's number, so ask for it typed out rather than fall through to a generic reply.
            if (filling || !AboutThePhone().IsMatch(turn.Text)) return false;
            open.Talking = true;
            turn.Say(Replies.Text($"我这边看不到您的号码，请把手机号（11位）或带区号的座机号直接打出来，我补充到紧急求助 {open.Number}。"));
            return true;
        }
        open.AwaitingPhone = false;
        open.Talking = !filling;
        turn.State.LastPhone = phone;
        if (tickets is not null)
            await tickets.SupplementAsync(open.Number, turn.Inbound.Channel, turn.Inbound.UserId, $"联系电话：{phone}", cancellationToken);
        turn.Say(Replies.Text($"好的，电话 {phone} 已补充到紧急求助 {open.Number}，工作人员会打这个电话联系您。"));
        return !filling;
    }

    /// <summary>What someone says right after the bot spoke about an emergency, while nothing else is being asked or
    /// filled in, is about that emergency: who is there ("俺娘在跟前"), what was done ("阀门关了"), how it stands ("他现在
    /// 睡了"), how they feel ("俺一个人带俩娃 累死了"). Later in the half hour, only where and when ("俺在东营河口区
    /// 仙河镇") still belong to it. It goes to its ticket, so staff know, and does not start a form or get small talk
    /// back. A question is answered as usual; the caller has already let through a message that asks for something new
    /// in so many words ("能不能派个人来").</summary>
    /// <param name="talking">The bot's previous reply was about the emergency.</param>
    public async Task<bool> TryTakeDetailsAsync(DialogTurn turn, bool talking, CancellationToken cancellationToken)
    {
        if (RecentEmergency(turn) is not { } open || turn.State.Intake is not null)
            return false;
        if (IsQuestion().IsMatch(turn.Text))
        {
            if (open.Over) return false;
            // "俺不会弄 咋办啊", "要不要给她喝点水", a bare "那咋办": asked about the emergency just told, so it gets the steps
            // again, never a policy search that finds nothing. A longer question is a question of its own, and so is one
            // about money or rules ("住院费能报多少").
            if (turn.Text.Length > (talking ? AboutTheEmergency : BareQuestion) || taxonomy.Danger.Policy.IsMatch(turn.Text)) return false;
            await SupplementAsync(turn, open, cancellationToken, stepsAgain: true);
            return true;
        }
        if (!talking && !extractors.ExtractStated(turn.Text).Keys.Any(k => k is SlotNames.City or SlotNames.Address or SlotNames.When))
            return false;
        await SupplementAsync(turn, open, cancellationToken, stepsAgain: CannotGetHelp().IsMatch(turn.Text));
        return true;
    }

    // Right after the bot spoke about an emergency a short question is about it; later only one that names nothing.
    private const int AboutTheEmergency = 20;
    private const int BareQuestion = 6;

    /// <summary>Whether an emergency was told in this conversation within the last half hour.</summary>
    public bool Recent(DialogTurn turn) => RecentEmergency(turn) is not null;

    private DangerState? RecentEmergency(DialogTurn turn) =>
        turn.State.Danger is { } open && time.GetUtcNow() - open.At < DetailsWithin ? open : null;

    /// <summary>"俺说错了 不是紧急的", "误会了": the emergency just raised was a misunderstanding.</summary>
    public static bool TakesBack(string text) => text.Length <= 20 && NotAnEmergency().IsMatch(text);

    // "不是急的 就是想让人带他去查查", "没那么急": the urgency, not the need, is taken back.
    [GeneratedRegex(@"不是(很|那么)?(急事|急的|紧急)|不(太|怎么)?紧急|没(那么|这么)急|说错了|搞错了|弄错了|误会|不是那个意思|不是出事")]
    private static partial Regex NotAnEmergency();

    /// <summary>News of help on its way soon after an emergency ("打了120了 车在路上", "消防车来了"), whatever else is
    /// being asked: it goes to the emergency's ticket, so staff know, and is not read as an answer to a form.</summary>
    public async Task<bool> TryTakeNewsAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        if (RecentEmergency(turn) is not { } open || !HelpNews().IsMatch(turn.Text)) return false;
        await SupplementAsync(turn, open, cancellationToken, stepsAgain: CannotGetHelp().IsMatch(turn.Text));
        return true;
    }

    /// <param name="stepsAgain">The caller does not know what to do or cannot get through: say what to do now again,
    /// with what to try when the emergency number does not answer.</param>
    private async Task SupplementAsync(DialogTurn turn, DangerState open, CancellationToken cancellationToken, bool stepsAgain = false)
    {
        open.Talking = true;
        if (tickets is not null)
            await tickets.SupplementAsync(open.Number, turn.Inbound.Channel, turn.Inbound.UserId, turn.RawText, cancellationToken);
        var steps = stepsAgain ? taxonomy.Danger.Kind(open.Kind) : null;
        var resolved = Resolved().IsMatch(turn.Text) && open.Kind != DangerDetector.SelfHarm;
        // Over: a question after it is a question of its own, not about the emergency.
        if (resolved) open.Over = true;
        var help = Phrases.TellsOfADeath(turn.Text)
            ? $"请您节哀。情况已补充到紧急求助 {open.Number}，工作人员会尽快联系您，帮着办后面的事。"
            : resolved
            ? $"那就好！情况已补充到紧急求助 {open.Number}，工作人员还会打电话问问情况。"
            : open.Kind == DangerDetector.SelfHarm
            ? $"您说的我都听着。已补充到紧急求助 {open.Number}，心理关爱的同事会尽快联系您；想找人说说话，随时拨打心理关爱热线 {await CrisisLineAsync(cancellationToken)}。"
            : steps is not null
                ? $"{WithFirstAid(turn.Text, steps.Say)}\n拿不准的，照急救电话里调度员说的做；打不通就再拨几次，或者拨110，喊邻居马上过来帮忙。情况已补充到紧急求助 {open.Number}，工作人员会尽快联系您。"
                : $"收到，情况已补充到紧急求助 {open.Number}，工作人员会尽快联系您。情况变危险时，请直接拨打120、119或110。";
        turn.Say(Replies.Text(help + (open.AwaitingPhone ? PhoneAsk(open.Kind) : "")));
    }

    private const string Medical = "medical";

    private string WithFirstAid(string text, string steps) =>
        string.Join('\n', taxonomy.Danger.FirstAidFor(text).Append(steps));

    // With gas in the air the steps say not to use a phone: the number is asked for once they are outside.
    private static string PhoneAsk(string kind) =>
        kind == "gas" ? "人到了屋外，再留一个能马上联系到您的手机号。" : "请留一个能马上联系到您的手机号。";

    // "俺爹刚才喝了农药", "俺奶奶把一瓶安眠药都吃了": someone else has done it.
    [GeneratedRegex(@"(俺|我|咱)?(?<who>爹|娘|爸|妈|爷|奶|姥|公公|婆婆|男人|老伴|媳妇|老婆|丈夫|孙子|孙女|外孙|孩子|小孩|宝宝|娃|儿子|闺女|女儿|兄弟|姐|妹|哥|弟|他|她)([^，,。]{0,6}(喝了|吃了|吞了|割了|上吊|跳了|服了|(喝|吃|吞|服)(农药|药|敌敌畏|百草枯|老鼠药)了)|[^，,。]{0,3}把[^，,。]{0,10}(喝|吃|吞|服)(了|下去|光了))")]
    private static partial Regex SomeoneElseDidIt();

    [GeneratedRegex("孙子|孙女|外孙|小孩|宝宝|娃")]
    private static partial Regex SmallChild();

    [GeneratedRegex(@"(?<!\d)(120|119|110)(?!\d)|救护车|消防车|警察|派出所|送医院|送到医院|拉走了|送走了")]
    private static partial Regex HelpNews();

    [GeneratedRegex(@"[?？吗]|怎么|咋|啥|什么|多少|几|要不要|能不能|行不行|(行|中|能|可以|管)不$")]
    private static partial Regex IsQuestion();

    [GeneratedRegex("也|另一个|还有一个")]
    private static partial Regex SomeoneElseToo();

    // "找到了，在邻居家呢", "人回来了", "火灭了": the emergency is over.
    [GeneratedRegex(@"(?<![没不])(找到|找着|找见)(了|啦|人)|(?<![没不])回来了|(?<![没不])到家了|(?<![没不])(灭了|醒了|醒过来了|缓过来了)|没事了")]
    private static partial Regex Resolved();

    // "120电话打不通", "没人接", "俺不会弄": the help that was named is not reaching them.
    [GeneratedRegex(@"打不通|没人接|占线|不会弄|不会做|不知道咋|不知道怎么|慌了")]
    private static partial Regex CannotGetHelp();

    // The deployment's own crisis line, read from its documents; the service hotline when they have none. A line the
    // clause says is answered only in some hours ("每天8:00—22:00") is given outside them with the number to call now:
    // the clause's next number (its after-hours line), else the service hotline.
    private async Task<string> CrisisLineAsync(CancellationToken cancellationToken)
    {
        if (evidence is not null && taxonomy.Danger.CrisisLineQuery.Length > 0)
        {
            foreach (var clause in await evidence.MatchAsync(taxonomy.Danger.CrisisLineQuery, cancellationToken))
            {
                if (Number().Match(clause.Text) is not { Success: true } m) continue;
                var line = m.Value.Trim();
                if (Hours().Match(clause.Text) is not { Success: true } hours || Answered(hours, time.GetLocalNow().TimeOfDay)) return line;
                var now = m.NextMatch() is { Success: true } next ? next.Value.Trim() : taxonomy.Hotline;
                return now == line ? line : $"{line}（{hours.Value}接听，现在请打 {now}）";
            }
        }
        return taxonomy.Hotline;
    }

    private static bool Answered(Match hours, TimeSpan now)
    {
        var from = new TimeSpan(int.Parse(hours.Groups[1].Value), int.Parse(hours.Groups[2].Value), 0);
        var to = new TimeSpan(int.Parse(hours.Groups[3].Value), int.Parse(hours.Groups[4].Value), 0);
        return from <= to ? now >= from && now < to : now >= from || now < to;
    }

    // Opening hours as documents print them: 8:00—22:00, 8:30-17:30, 9：00至21：00.
    [GeneratedRegex(@"(\d{1,2})[:：](\d{2})\s*(?:—|-|–|~|～|至|到)+\s*(\d{1,2})[:：](\d{2})")]
    private static partial Regex Hours();

    // The caller's own number ("俺这个手机号", "打我电话", "就这个号"), or digits alone; not "120电话打不通".
    [GeneratedRegex(@"(俺|我|咱|这个?)的?(手机|电话|号)|^[\d\s-]{4,14}$")]
    private static partial Regex AboutThePhone();

    // A hotline as documents print it: 0531-8888 6120, 400-…, 12356.
    [GeneratedRegex(@"(?<!\d)(?:0\d{2,3}-?\d{3,4}\s?\d{3,4}|400-?\d{3}-?\d{4}|1\d{4}(?!\d))")]
    private static partial Regex Number();
}
