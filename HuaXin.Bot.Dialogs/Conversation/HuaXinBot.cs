using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Dialogs.Understanding;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>The main flow: greeting, policy questions, service requests, "我的诉求" and answer feedback.
/// A request in progress owns the conversation until it is confirmed or cancelled.</summary>
public sealed class HuaXinBot
{
    private readonly Taxonomy _taxonomy;
    private readonly IRequestUnderstanding _understanding;
    private readonly KnowledgeDialog _knowledge;
    private readonly IntakeDialog _intake;
    private readonly MyRequestsDialog _myRequests;
    private readonly CategoryClassifier _classifier;
    private readonly IntentScorer _intent;

    public HuaXinBot(Taxonomy taxonomy, IRequestUnderstanding understanding, IKnowledgeService knowledge,
        IServiceRequestStore requests, IFeedbackStore feedback, TimeProvider time)
    {
        _taxonomy = taxonomy;
        _understanding = understanding;
        _knowledge = new KnowledgeDialog(taxonomy, knowledge, feedback, time);
        _intake = new IntakeDialog(taxonomy, _knowledge, requests, time);
        _myRequests = new MyRequestsDialog(taxonomy, requests, time);
        _classifier = new CategoryClassifier(taxonomy);
        _intent = new IntentScorer(taxonomy);
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
        if (Phrases.IsHelpful(text) || Phrases.IsNotHelpful(text))
        {
            await _knowledge.RateAsync(turn, Phrases.IsHelpful(text), cancellationToken);
            if (inIntake) _intake.RepeatPrompt(turn);
            return;
        }
        if (Phrases.IsMyRequests(text))
        {
            await _myRequests.ShowAsync(turn, cancellationToken);
            if (inIntake) _intake.RepeatPrompt(turn);
            return;
        }
        if (inIntake)
        {
            await _intake.ContinueAsync(turn, cancellationToken);
            return;
        }
        // A tapped related clause ("《困难职工帮扶救助管理办法》第十条") is a policy question, whatever words its title has.
        if (KnowledgeDialog.NamesAClause(text))
        {
            await _knowledge.AnswerAsync(turn, text, cancellationToken);
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
        if (Phrases.IsCancel(text) || Phrases.IsConfirm(text) || Phrases.IsChange(text))
        {
            turn.Say(Replies.Text("目前没有正在办理的诉求。需要帮忙的话，直接告诉我要办什么事就行。", Phrases.MyRequests));
            return;
        }
        if (Phrases.IsThanks(text))
        {
            turn.Say(Replies.Text("不客气！有事随时找我。"));
            return;
        }

        // The raw text, so the description keeps the user's own characters; understanding normalizes for itself.
        var understanding = await _understanding.UnderstandAsync(turn.RawText, cancellationToken);
        var (_, categoryScore) = _classifier.Classify(text);
        var scores = _intent.Score(text, understanding.Slots.ContainsKey(SlotNames.Phone), understanding.Slots.ContainsKey(SlotNames.Address), categoryScore);
        if (understanding.IsRequest)
        {
            // "住院能报多少？能不能派人去陪护": answer the question too, then take down the request.
            if (scores.AlsoAsks) await _knowledge.AnswerAsync(turn, text, cancellationToken);
            _intake.Start(turn, understanding);
            return;
        }
        if (scores.Question > 0 || categoryScore > 0 || text.Length >= 6)
        {
            await _knowledge.AnswerAsync(turn, text, cancellationToken);
            return;
        }
        turn.Say(Replies.Text("没太明白您的意思。您可以问政策，比如「困难帮扶有啥条件」；也可以直接说要办的事，比如「俺娘一个人在家，想找人去看看」。",
            "困难帮扶有啥条件", Phrases.MyRequests));
    }

    private OutboundMessage Welcome() => Replies.Card("welcome", "您好，我是华新集团职工服务助手",
        "我可以：\n· 解答政策：困难帮扶、医疗互助、金秋助学、探亲等规定\n· 登记求助：老人照看、陪诊接送、家中维修、法律援助等，转给承办部门并告诉您多久联系您\n· 查进度：发送「我的诉求」\n"
        + $"也可以拨打服务热线 {_taxonomy.Hotline}。",
        [],
        "困难帮扶有啥条件", "家里老人需要人照看", Phrases.MyRequests);
}
