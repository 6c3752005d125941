using System.Text.RegularExpressions;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Safety;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Dialogs.Understanding;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>The main flow. Danger comes first, before anything else; then 我的诉求 and progress checks, a request in
/// progress (which owns the conversation until confirmed or left), the offer after an answered question, and finally
/// what the message is for: a need starts intake, a question is answered (and offered "需要帮您登记「…」吗？"), a comment
/// after a rating card rates that ticket.</summary>
public sealed partial class HuaXinBot
{
    private readonly Taxonomy _taxonomy;
    private readonly IRequestUnderstanding _understanding;
    private readonly KnowledgeDialog _knowledge;
    private readonly IntakeDialog _intake;
    private readonly MyRequestsDialog _myRequests;
    private readonly DangerDetector _danger;
    private readonly DangerDialog _dangerDialog;
    private readonly IRequesterTickets? _tickets;
    private readonly SlotExtractors _slots;

    public HuaXinBot(Taxonomy taxonomy, IRequestUnderstanding understanding, IKnowledgeService knowledge,
        IServiceRequestStore requests, IFeedbackStore feedback, TimeProvider time,
        IKnowledgeEvidence? evidence = null, IRequesterTickets? tickets = null, IRequesterProfiles? profiles = null,
        DangerModel? dangerModel = null, ISoundSpelling? sound = null)
    {
        _taxonomy = taxonomy;
        _understanding = understanding;
        _tickets = tickets;
        _knowledge = new KnowledgeDialog(taxonomy, knowledge, feedback, time);
        _slots = new SlotExtractors(taxonomy, time);
        _intake = new IntakeDialog(taxonomy, _knowledge, requests, time, _slots, understanding, profiles);
        _myRequests = new MyRequestsDialog(taxonomy, requests, time, tickets);
        _danger = new DangerDetector(taxonomy, dangerModel, sound);
        _dangerDialog = new DangerDialog(taxonomy, requests, _slots, time, evidence, profiles, tickets);
    }

    /// <summary>Runs one turn, updating <paramref name="state"/> in place.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundTurn inbound, ConversationState state, CancellationToken cancellationToken)
    {
        var turn = new DialogTurn(inbound, TurnText.Of(inbound), state);
        await RouteAsync(turn, cancellationToken);
        return turn.Replies;
    }

    private async Task RouteAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        var text = turn.Text;
        var inIntake = turn.State.Intake is not null;
        // Whether the bot's last reply was about an emergency; this turn's danger replies say so again.
        var talkingDanger = turn.State.Danger is { Talking: true };
        if (turn.State.Danger is { } earlier) earlier.Talking = false;
        var comforted = turn.State.Comforted;
        turn.State.Comforted = false;
        // Typed words only: a pressed button is never an emergency.
        var ongoing = _dangerDialog.Recent(turn) ? turn.State.Danger!.Kind : null;
        var danger = turn.Inbound.Value is null
            ? _danger.Detect(text, answersBot: inIntake || turn.State.Offer is not null, ongoing)
            : null;
        // A weak signal (the model alone, just above its threshold) is more often an everyday message than an emergency:
        // the numbers come first (unless an emergency card was just given), then the message is handled as what it says,
        // with no urgent ticket raised on it.
        if (danger is { Weak: true })
        {
            if (ongoing is null) await _dangerDialog.SayNumbersAsync(turn, danger.Kind.Kind, cancellationToken);
            danger = null;
        }
        // A death told ("俺男人在工地上出事没了 俺和孩子以后咋活啊") is grief, not an emergency, when only the model reads
        // danger into it: sympathy and the union's help, not "锁好门，拨打110".
        if (danger is { ByModel: true } && Phrases.TellsOfADeath(text)) danger = null;
        if (danger is not null)
        {
            await _dangerDialog.RespondAsync(turn, danger, cancellationToken);
            // Someone who has just said they do not want to live is not asked for an address next: the request waits.
            if (inIntake && danger.Kind.Kind == DangerDetector.SelfHarm) _intake.Pause(turn);
            else if (inIntake) _intake.RepeatPrompt(turn);
            return;
        }
        // A false alarm taken back soon after ("俺说错了 不是紧急的"): offer to withdraw the urgent ticket it opened.
        if (!inIntake && _dangerDialog.Recent(turn) && DangerDialog.TakesBack(text))
        {
            turn.State.Danger = null;
            turn.Say(Replies.Text("好的，是我理解错了，没有危险就好。"));
            await _myRequests.OfferWithdrawalAsync(turn, cancellationToken);
            return;
        }
        if (await _dangerDialog.TryTakePhoneAsync(turn, cancellationToken)) return;
        if (Phrases.IsHelpful(text) || Phrases.IsNotHelpful(text))
        {
            await _knowledge.RateAsync(turn, Phrases.IsHelpful(text), cancellationToken);
            if (inIntake) _intake.RepeatPrompt(turn);
            return;
        }
        var number = TicketNumber().Match(text);
        // "办到哪了", "有回信没" ask after a request wherever they are said; "还要等多久" only when there is one to ask after.
        if (Phrases.IsMyRequests(text) || Phrases.AsksAfterRequest(text) || (number.Success && text.Length <= number.Length + 8)
            || ((Phrases.AsksWhenHelpComes(text) || (!inIntake && Phrases.AsksWhatNext(text))) && await _myRequests.HasAnyAsync(turn, cancellationToken)))
        {
            await _myRequests.ShowAsync(turn, number.Success ? number.Value.ToUpperInvariant() : null, cancellationToken);
            if (inIntake) _intake.RepeatPrompt(turn);
            return;
        }
        // "催一下" while the next request is being taken down is about the one already submitted, not an answer here.
        if (inIntake && text.Length <= 8 && text.Contains('催') && MyRequestsDialog.Hurries(text) && await _myRequests.TryHurryAsync(turn, cancellationToken))
        {
            _intake.RepeatPrompt(turn);
            return;
        }
        if (await _dangerDialog.TryTakeNewsAsync(turn, cancellationToken))
        {
            if (inIntake) _intake.RepeatPrompt(turn);
            return;
        }
        if (Phrases.AsksIfGenuine(text))
        {
            // Elderly families are the target of phone scams: say who this is, how to check, and never to pay anyone.
            turn.Say(Replies.Text($"这是华新集团为外出职工家庭开通的服务助手，登记的事转给集团的承办部门办理。不放心的话，可以拨打集团服务热线 {_taxonomy.Hotline} 核实；凡是让您转账、交钱的，都不要相信。"));
            if (inIntake) _intake.RepeatPrompt(turn);
            return;
        }
        if (Phrases.BlamesTheBot(text))
        {
            turn.Say(Replies.Text($"不好意思，没能帮上您。找工作人员请回复「{Phrases.Handoff}」，或拨打服务热线 {_taxonomy.Hotline}；也可以换个说法再问我一遍。", Phrases.Handoff));
            if (inIntake) _intake.RepeatPrompt(turn);
            return;
        }
        if (Phrases.AsksIfBot(text))
        {
            turn.Say(Replies.Text($"我是华新集团的服务助手，是机器人，不是真人。要找工作人员，回复「{Phrases.Handoff}」，或拨打服务热线 {_taxonomy.Hotline}。", Phrases.Handoff));
            if (inIntake) _intake.RepeatPrompt(turn);
            return;
        }
        if (inIntake)
        {
            await _intake.ContinueAsync(turn, cancellationToken);
            return;
        }
        if (_intake.TryResume(turn)) return;
        if (await _myRequests.TryAnswerWithdrawalAsync(turn, cancellationToken)) return;
        if (turn.State.Offer is { } offer)
        {
            turn.State.Offer = null;
            if (Phrases.IsYes(text) || Phrases.IsConfirm(text))
            {
                await _intake.StartFromQuestionAsync(turn, offer, cancellationToken);
                return;
            }
            if (Phrases.IsNo(text))
            {
                turn.Say(Replies.Text("好的，不登记。还有别的问题可以接着问。"));
                return;
            }
            // "上四年级 数学不中" after the offer of tutoring: more about the same need, asking nothing, is a yes with it;
            // "俺公公也中不" and "那是几天" ask about the answer, and "我想他了" tells a feeling.
            if (text.Length >= 4 && !AsksSomething().IsMatch(text) && !ShortQuestion().IsMatch(text) && _taxonomy.QuestionCues.Score(text) == 0
                && !Phrases.IsThanks(text) && !Feels(text)
                && (OnlyDetails(text) || (await _understanding.UnderstandAsync(turn.RawText, cancellationToken) is var more
                    && (more.IsRequest ? more.Category == offer.Category : more.Purpose == Purpose.Chat && (more.About is null || more.About == offer.Category)))))
            {
                offer.Text = $"{offer.Text} {turn.RawText.Trim()}";
                await _intake.StartFromQuestionAsync(turn, offer, cancellationToken);
                return;
            }
        }
        // "给俺登记上吧" with nothing offered and nothing named: ask which kind of matter, rather than guess one.
        if (Phrases.AsksToRegister(text))
        {
            await _intake.StartAsync(turn, new Abstractions.Understanding(true, null, null, new Dictionary<string, string>(), null), cancellationToken);
            return;
        }
        // A tapped related clause ("《困难职工帮扶救助管理办法》第十条") is a policy question, whatever words its title has.
        if (KnowledgeDialog.NamesAClause(text))
        {
            await _knowledge.AnswerAsync(turn, text, cancellationToken);
            return;
        }
        // Pinyin typed with the input method off: the search reads it in the corpus's characters, but the message model
        // reads characters and would take "kunnan bangfu you sha tiaojian" for a request. Answered when a clause answers,
        // else asked again in characters, as English is.
        if (Phrases.OnlyLatinWords(text))
        {
            if (!await _knowledge.TryAnswerAsync(turn, text, cancellationToken))
                turn.Say(Replies.Text($"这句话我没能看懂。请用汉字或者语音转文字再说一遍；也可以拨打服务热线 {_taxonomy.Hotline}。", Phrases.MyRequests));
            return;
        }
        if (Phrases.IsGreeting(text))
        {
            turn.Say(Welcome());
            return;
        }
        if (Phrases.IsHandoff(text))
        {
            _knowledge.HandOff(turn);
            return;
        }
        // "俺要撤销诉求" with none submitted is told so, not taken down as a new need.
        if (MyRequestsDialog.AsksToWithdraw(text) && (MyRequestsDialog.NamesARequest(text) || await _myRequests.HasAnyAsync(turn, cancellationToken)))
        {
            await _myRequests.OfferWithdrawalAsync(turn, cancellationToken);
            return;
        }
        if (MyRequestsDialog.Hurries(text) && await _myRequests.TryHurryAsync(turn, cancellationToken)) return;
        if (MyRequestsDialog.AddsDetails(text) && await _myRequests.TryAddDetailsAsync(turn, cancellationToken)) return;
        // "嗯", "好" soon after someone said they do not want to live: stay with them, not "还有别的事随时告诉我".
        if (Phrases.IsConfirm(text) && _dangerDialog.Recent(turn) && turn.State.Danger!.Kind == DangerDetector.SelfHarm)
        {
            await _dangerDialog.StayWithAsync(turn, cancellationToken);
            return;
        }
        if (Phrases.IsCancel(text) || Phrases.IsConfirm(text) || Phrases.IsChange(text))
        {
            // Nothing is being filled in. "好的"/"不用了" after a submitted request or an answer only acknowledge it;
            // a submitted request is still being handled, so never say there is none.
            turn.Say(Phrases.IsChange(text) || Phrases.IsSubmitCommand(text)
                ? Replies.Text("现在没有要确认或修改的内容。已提交的诉求可以在「我的诉求」里看进度；要办新的事，直接告诉我就行。", Phrases.MyRequests)
                : Replies.Text("好的。还有别的事随时告诉我。", Phrases.MyRequests));
            return;
        }

        // The raw text, so the description keeps the user's own characters; understanding normalizes for itself.
        var understanding = await _understanding.UnderstandAsync(turn.RawText, cancellationToken);
        if (await TryRateAsync(turn, understanding, cancellationToken)) return;
        if (Phrases.IsThanks(text))
        {
            turn.Say(Replies.Text("不客气！有事随时找我。"));
            return;
        }
        // Read once: most of what follows weighs whether the message asks, and how plainly it asks for help.
        var asksSomething = AsksSomething().IsMatch(text);
        var requestCues = _taxonomy.RequestCues.Score(text);
        // Thanks or good news told at length, asking nothing ("太感谢工会了 补助的钱已经收到了", "俺家娃考了一百分 高兴"):
        // a warm word back, not a policy clause or an offer to take a need down.
        if (!understanding.IsRequest && !asksSomething && (Grateful().IsMatch(text) || Glad().IsMatch(text)))
        {
            turn.Say(Replies.Text(Glad().IsMatch(text) ? "真替您高兴！有事随时找我。" : "不客气！能帮上忙就好，有事随时找我。", Phrases.MyRequests));
            return;
        }
        // Right after the bot spoke about an emergency, only a need asked for in so many words is a new request.
        if ((!understanding.IsRequest || (talkingDanger && requestCues < 2))
            && await _dangerDialog.TryTakeDetailsAsync(turn, talkingDanger, cancellationToken)) return;
        // A death told, with nothing asked for in so many words: sympathy first, and the union's visit and help offered,
        // never a slogan or a policy clause. A question about it ("抚恤金有多少") is answered after the sympathy.
        // A message that ends by asking who, what or how much ("家里修水管 材料费谁出") wants the answer first, unless it asks
        // for help in so many words; "咋办" pleads for help, and "能帮着挂个号不" is how a request is put politely.
        // Offering oneself ("想报名当星火志愿者") asks how to join; it needs no service.
        var asks = _taxonomy.QuestionCues.Score(text) >= 2 || (EndsAsking().IsMatch(text) && requestCues < 2) || Volunteers().IsMatch(text);
        var death = Phrases.TellsOfADeath(text);
        // "俺和孩子以后咋活啊" laments; it asks nothing a clause answers.
        if (death && asksSomething && !Laments().IsMatch(text)) turn.Say(Replies.Text("请您节哀。"));
        else if (death && requestCues < 2 && _taxonomy.Find(Bereavement) is { } aid)
        {
            turn.State.Offer = new OfferState { Text = turn.RawText, Category = aid.Code };
            turn.Say(Replies.Text($"听到这个消息，我们非常难过，请您节哀。需要的话我帮您登记，{aid.Department}会尽快联系您，上门看望，帮着办后面的事。要登记吗？", [Phrases.Yes, Phrases.No]));
            return;
        }
        // One's own feelings told ("我好想我妈 她在外地一年才回来一次", "晚上一个人害怕"), asking for nothing in so many words:
        // someone to talk to, not a form to fill in, whatever kind of need the message model reads into the family it
        // mentions. Someone else's ("俺娘一个人在家怕摔") may well be a need to take down: the message model decides.
        // Right after such a word of comfort, whatever more they tell ("我不想上学了") is listened to the same way, unless
        // it reads as a need of the house or of someone else ("家里暖气不热了").
        if (((Feels(text) && !CaresFor().IsMatch(text)) || (comforted && (!understanding.IsRequest || understanding.Category == Counselling)))
            && !asksSomething && requestCues < 2)
        {
            await ComfortAsync(turn, text, comforted, cancellationToken);
            return;
        }
        // "心理热线", "后勤电话": a name and a number word asks for the number, not for the service.
        if (NamesANumber().IsMatch(text) && requestCues < 2)
        {
            await _knowledge.AnswerAsync(turn, $"{text.TrimEnd('?', '？', '。')}是多少", cancellationToken);
            return;
        }
        // "我想评价一下" reads to the message model like a request for something; it asks to rate.
        if (RatesOutright(text) && !AsksAfterAnswer(turn, text))
        {
            await SayNothingToRateAsync(turn, text, cancellationToken);
            return;
        }
        switch (understanding.Purpose)
        {
            // Right after an answer, a "how long until…" with no request of theirs to check on asks about that answer.
            case Purpose.Status when turn.State.LastAnswer is not { Answered: true } || await _myRequests.HasAnyAsync(turn, cancellationToken):
                await _myRequests.ShowAsync(turn, null, cancellationToken);
                return;
            // Staff work tickets in the imperative (接单, 把这单转给…); "后勤管理中心电话多少" asks, whatever the model read.
            case Purpose.Staff when !asksSomething:
                turn.Say(Replies.Text("工单的受理、转派、办结等操作请工作人员在钉钉群、Teams 或服务台进行。需要办事的话，直接告诉我要办什么就行。", Phrases.MyRequests));
                return;
            // A rating with no finished request to rate is not taken as one: nothing would record it. Chat that asks
            // something ("好几个月没发工资了怎么办") is searched, never greeted.
            case Purpose.Rating when !understanding.IsRequest && !AsksAfterAnswer(turn, text):
                await SayNothingToRateAsync(turn, text, cancellationToken);
                return;
            case Purpose.Chat when !understanding.IsRequest && !AsksAfterAnswer(turn, text) && !asksSomething:
                // Feelings told ("俺娘一个人在家 孤单"): someone to talk to.
                if (Feels(text))
                {
                    await ComfortAsync(turn, text, comforted, cancellationToken);
                    return;
                }
                // A trouble told without asking ("俺家空调不制冷了", "俺对象在工地上摔伤了") gets the offer to take it down.
                if (_taxonomy.Find(understanding.About) is { } troubled)
                {
                    Offer(turn, troubled, []);
                    return;
                }
                // Something told that a document speaks to ("俺男人在新疆 好几天联系不上"): that answer, not a hello.
                if (text.Count(char.IsLetter) >= TellsSomething && await _knowledge.TryAnswerAsync(turn, text, cancellationToken)) return;
                turn.Say(Replies.Text("您好！有政策问题或要办的事，直接告诉我就行。", Phrases.MyRequests));
                return;
        }
        if (understanding.IsRequest && !asks)
        {
            await _intake.StartAsync(turn, understanding, cancellationToken);
            return;
        }
        await _knowledge.AnswerAsync(turn, text, cancellationToken);
        // "住院能报多少？能不能派人去陪护": a question that also asks for a service in so many words gets the answer, then
        // the request taken down. A question the documents answer ("探亲假必须一口气休完吗", "投诉以后多长时间给回复")
        // is one about the service, not a request for it: the answer, then the offer. One they do not answer is taken
        // down as before.
        if (understanding.IsRequest && (turn.State.LastAnswer is not { Answered: true } || requestCues >= 2))
        {
            await _intake.StartAsync(turn, understanding, cancellationToken);
            return;
        }
        // A question about a service the group offers gets the offer to take the need down; only a yes starts intake.
        if (turn.State.LastAnswer is { Answered: true } && (understanding.About ?? (understanding.IsRequest ? understanding.Category : null)) is { } category)
        {
            // Chat clients show only the last message's suggestions: keep the answer's related clauses tappable.
            var related = turn.Replies[^1].SuggestedReplies?.Where(r => r is not (Phrases.Helpful or Phrases.NotHelpful)) ?? [];
            if (_taxonomy.Find(category) is { } offered) Offer(turn, offered, related);
        }
    }

    /// <summary>Nothing but a time, a place or a number ("12月10号下午", "烟台福山"): details of the need just offered, not a
    /// need of another kind.</summary>
    private bool OnlyDetails(string text)
    {
        var details = _slots.ExtractStated(text).Where(s => s.Key != SlotNames.Description).Select(s => s.Value.Value).ToList();
        var rest = details.Aggregate(text, (left, value) => left.Replace(value, "", StringComparison.Ordinal));
        return details.Count > 0 && rest.Count(char.IsLetter) <= 2;
    }

    // Named, so a yes knows what it agrees to ("需要" after 探亲假 had started a request nobody could guess).
    private static void Offer(DialogTurn turn, CategoryDefinition offered, IEnumerable<string> related)
    {
        turn.State.Offer = new OfferState { Text = turn.RawText, Category = offered.Code };
        turn.Say(Replies.Text($"需要帮您登记「{offered.Name}」吗？回复「需要」我来登记，{offered.Department}会联系您。", [Phrases.Yes, Phrases.No, .. related]));
    }

    // Right after an answer, a short question with no topic of its own ("要准备啥", "找谁") asks about that answer: the
    // knowledge dialog reads it in the answer's document, rather than it getting small talk back.
    private static bool AsksAfterAnswer(DialogTurn turn, string text) =>
        turn.State.LastAnswer is { Answered: true } && text.Length <= 12 && ShortQuestion().IsMatch(text);

    [GeneratedRegex(@"啥|什么|多少|几|哪|谁|怎么|咋|多久|多长|吗|么$|呢$")]
    private static partial Regex ShortQuestion();

    // Text after a rating card ("满意，志愿者李大姐很用心") is that rating's comment.
    private async Task<bool> TryRateAsync(DialogTurn turn, Abstractions.Understanding understanding, CancellationToken cancellationToken)
    {
        if (_tickets is null || (!RatesOutright(turn.Text) && (understanding.IsRequest || understanding.Purpose is not (Purpose.Rating or Purpose.Chat)))) return false;
        if (await _tickets.AwaitingRatingAsync(turn.Inbound.Channel, turn.Inbound.UserId, cancellationToken) is not { } ticket) return false;
        var level = RatingLevel(turn.Text);
        if (level is null && RatesOutright(turn.Text))
        {
            // "评价" with a finished request waiting for it: the levels to tap.
            turn.Say(Replies.Text($"请为诉求 {ticket.Number} 的服务打个分：", ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]));
            return true;
        }
        if (level is null) return false;
        turn.Say(Replies.Text(await _tickets.RateAsync(ticket.Number, turn.Inbound.Channel, turn.Inbound.UserId, level, turn.RawText, cancellationToken)));
        return true;
    }

    private async Task SayNothingToRateAsync(DialogTurn turn, string text, CancellationToken cancellationToken)
    {
        var hasAny = await _myRequests.HasAnyAsync(turn, cancellationToken);
        // "不满意", "食堂饭菜太难吃了还贵" with no request of theirs: a verdict that does not praise is a complaint to take down.
        if (!hasAny && !Praises(text) && !AsksToRate().IsMatch(text) && _taxonomy.Find(Purpose.Complaint) is { } complaint)
        {
            Offer(turn, complaint, []);
            return;
        }
        turn.Say(Replies.Text(hasAny
            ? "谢谢您！诉求办结后，我会请您为这次服务打分。现在想催办或补充情况，直接说就行。"
            : "谢谢您！您现在还没有要评价的诉求。有政策问题或要办的事，直接告诉我就行。", Phrases.MyRequests));
    }

    private const string Counselling = "counselling";

    // Condolence visits and aid after a death are the group union's, as hardship aid is.
    private const string Bereavement = "hardship_aid";

    private static readonly string[] Levels = ["非常不满意", "不满意", "基本满意", "非常满意", "满意"];

    /// <summary>A level or stars said alone ("满意", "五星好评"), or asking to rate ("我想评价一下"); not thanks, and not a
    /// complaint that says 不满意 in passing.</summary>
    private static bool RatesOutright(string text) =>
        Levels.Contains(text.Trim(' ', '。', '！', '!', '，', ',')) || Stars().IsMatch(text) || (text.Length <= 16 && AsksToRate().IsMatch(text));

    [GeneratedRegex("评价|打分|评分|打个分")]
    private static partial Regex AsksToRate();

    // The level said outright, else the sense of the words: thanks and praise are 满意, a complaint 不满意.
    private static string? RatingLevel(string text)
    {
        foreach (var level in Levels)
            if (text.Contains(level, StringComparison.Ordinal)) return level;
        // Stars as apps ask for them: 五星 / 5星 is the top, one or two the bottom.
        if (Stars().Match(text) is { Success: true } stars)
            return stars.Groups[1].Value switch { "五" or "5" => "非常满意", "四" or "4" => "满意", "三" or "3" => "基本满意", "二" or "两" or "2" => "不满意", _ => "非常不满意" };
        if (Negative().IsMatch(text)) return "不满意";
        return Positive().IsMatch(text) ? "满意" : null;
    }

    // A question in so many words: "前几天" tells when, it asks nothing.
    // "听说有祝寿金": what was heard of is asked about; so is a case supposed ("那要是俺男人在新疆呢").
    [GeneratedRegex(@"多少|啥|什么|怎么|咋|哪|谁|吗|[？?]|能不能|有没有|可不可以|算不算|听说|要是|如果|假如|呢$")]
    private static partial Regex AsksSomething();

    // A satisfied level, stars or words as a rating reads them, or plain praise a rating would not take as a level.
    private static bool Praises(string text) =>
        RatingLevel(text) is "非常满意" or "满意" or "基本满意" || PlainPraise().IsMatch(text);

    [GeneratedRegex(@"(?<![不没])(好|赞|谢|热情|负责)")]
    private static partial Regex PlainPraise();

    [GeneratedRegex(@"([一二两三四五1-5])(?:颗|个)?星")]
    private static partial Regex Stars();

    [GeneratedRegex(@"太差|不行|没修好|还是坏|还漏|态度差|太慢|没来|敷衍|差评")]
    private static partial Regex Negative();

    // "不耐心", "没用心" are no praise.
    [GeneratedRegex(@"(?<![不没])(谢谢|感谢|挺好|很好|不错|真好|可好|用心|耐心|细心|周到|点赞|好评|辛苦)")]
    private static partial Regex Positive();

    private static bool Feels(string text) => Lonely().IsMatch(text) || AfraidAlone().IsMatch(text) || Bullied().IsMatch(text);

    private async Task ComfortAsync(DialogTurn turn, string text, bool again, CancellationToken cancellationToken)
    {
        turn.State.Comforted = true;
        // Told more: listened to, and a person offered, never the same words and numbers again.
        if (again && !AfraidAlone().IsMatch(text) && _taxonomy.Find(Counselling) is { } counselling)
        {
            turn.State.Offer = new OfferState { Text = turn.RawText, Category = counselling.Code };
            turn.Say(Replies.Text("我在听，您慢慢说。要是愿意，我请心理关爱的同事给您打个电话，陪您聊聊。要吗？", [Phrases.Yes, Phrases.No]));
            return;
        }
        // Alone and afraid (often a child whose parents both work away): what keeps them safe tonight comes first.
        turn.Say(Replies.Text(AfraidAlone().IsMatch(text)
            ? "别怕，先把门窗锁好，给爸妈或者住得近的亲戚、邻居打个电话，让大人知道你一个人在家。真有危险马上拨打110。"
            : Bullied().IsMatch(text)
                ? "被人欺负不是你的错。一定要告诉一个你信得过的大人：爸妈、爷爷奶奶或者老师，让他们帮你；有人动手打你，马上找老师或者拨打110。"
                : "听您这么说，我挺心疼的。您不是一个人，有什么想说的都可以跟我说。"));
        await _dangerDialog.SayNumbersAsync(turn, DangerDetector.SelfHarm, cancellationToken);
    }

    // Shorter than this a remark is a hello or a word of chat ("在吗", "好的呢"), not something told.
    private const int TellsSomething = 8;

    // Feelings, not a trouble in the house or the body: "热得睡不着", "肚子难受" and "房子裂了 俺害怕" want the repair or the doctor.
    [GeneratedRegex(@"孤单|孤独|寂寞|想哭|委屈|心里(难受|不好受|堵|苦|烦)|心烦|没人(管|理|陪|懂|说话)|(不|没)(开心|高兴)|想(我|俺)?(妈|爸|娘|爹)了?|想(他|她)了|找(个)?人(说说|聊聊|说|聊)(话|天)?|陪(我|俺)(说说|聊聊|说|聊)")]
    private static partial Regex Lonely();

    // Someone the family looks after, the subject of a need more often than the writer: 俺娘, 孩子, 老头子.
    [GeneratedRegex(@"老人|娘|爹|奶奶|爷爷|婆婆|公公|老伴|老头|老太|孩子|娃|闺女|儿子|孙")]
    private static partial Regex CaresFor();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{1,10}(电话|热线|号码|联系方式)[?？。]?$")]
    private static partial Regex NamesANumber();

    [GeneratedRegex(@"(咋|怎么|如何)(活|过)(啊|呀|呢|下去)?[?？]?$|可(咋|怎么)办(啊|呀)")]
    private static partial Regex Laments();

    // Bullied ("我在学校被同学欺负"): told by the child, who needs an adult on their side.
    [GeneratedRegex(@"被[^，。]{0,6}欺负|(同学|他们|大孩子)[^，。]{0,4}(欺负|打)(我|俺)")]
    private static partial Regex Bullied();

    [GeneratedRegex(@"(谁(出|掏|管|负责|付|给)|啥|什么|多少钱?|几[天次个回]?|哪(儿|里)?)[?？。！!]*\s*$")]
    private static partial Regex EndsAsking();

    [GeneratedRegex(@"(想|要|能)?(报名)?(当|做|加入|参加)[^，。 ]{0,6}志愿(者|服务队|队)|报名[^，。 ]{0,4}志愿者")]
    private static partial Regex Volunteers();

    // Afraid at being alone, not of a thing ("房子裂了 俺害怕" wants the repair).
    [GeneratedRegex(@"(一个人|没人|就我自己|剩我).{0,8}(害怕|怕|不敢)|(害怕|怕|不敢).{0,4}一个人")]
    private static partial Regex AfraidAlone();

    [GeneratedRegex(@"谢谢|感谢|多谢|谢了")]
    private static partial Regex Grateful();

    // "不高兴" is no good news.
    [GeneratedRegex(@"(?<![不没])(高兴|开心|乐坏了|好消息|喜事|太好了)")]
    private static partial Regex Glad();

    [GeneratedRegex(@"HX-?\d{8}-?\d{3,6}", RegexOptions.IgnoreCase)]
    private static partial Regex TicketNumber();

    private OutboundMessage Welcome() => Replies.Card(CardKinds.Welcome, "您好，我是华新集团职工服务助手",
        "我可以：\n· 解答政策：困难帮扶、医疗互助、金秋助学、探亲等规定\n· 登记求助：老人照看、陪诊接送、家中维修、法律援助等，转给承办部门并告诉您多久联系您\n· 查进度：发送「我的诉求」或诉求编号\n"
        + $"遇到急病、火灾、燃气泄漏等危险，请先拨打120、119或110。服务热线 {_taxonomy.Hotline}。",
        [],
        "困难帮扶有啥条件", "家里老人需要人照看", Phrases.MyRequests);
}
