using System.Text.RegularExpressions;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>Policy questions: a short answer with its source and the whole clause behind 查看原文, related clauses as
/// suggestions, follow-ups read in the last answer's topic, 有用/没用 feedback, and the hand-off when the knowledge base
/// has no answer.</summary>
/// <remarks>Unanswered questions are recorded in the feedback store (not helpful, no citations) so the knowledge team sees the gaps;
/// 转人工 then gives the service hotline and invites the user to state what they need done, which this bot can take down.</remarks>
public sealed partial class KnowledgeDialog(Taxonomy taxonomy, IKnowledgeService knowledge, IFeedbackStore feedback, TimeProvider time)
{
    /// <summary>The text of a related-clause suggestion: 《title》 and a clause label, nothing else.</summary>
    public static bool NamesAClause(string text) =>
        text.Length <= 80 && text.StartsWith('《') && text.IndexOf('》') is var close && close > 1 && close < text.Length - 1 && !text[(close + 1)..].Any(char.IsWhiteSpace);

    public async Task AnswerAsync(DialogTurn turn, string question, CancellationToken cancellationToken)
    {
        var topic = turn.State.LastAnswer is { Answered: true, TopicDocId: { } docId } last
            ? new KnowledgeTopic(docId, last.TopicTitle ?? "", last.TopicClause ?? "", last.TopicQuestion ?? last.Question)
            : null;
        var answer = await knowledge.AskAsync(question, turn.Inbound.UserId, topic, cancellationToken);
        var best = Remember(turn, question, answer, topic);
        if (answer.Answered && best is not null)
        {
            await SayAnswerAsync(turn, question, answer, best, cancellationToken);
            return;
        }

        await feedback.RecordAsync(Feedback(turn, helpful: false), cancellationToken);
        turn.State.LastAnswer!.Rated = true;
        var near = answer.Related.Count > 0 ? $"\n相关的规定有：{string.Join("、", answer.Related)}，可以点开看看。" : "";
        turn.Say(Replies.Text(
            $"{answer.Answer}{near}\n可以回复「{Phrases.Handoff}」，或拨打服务热线 {taxonomy.Hotline}，由工作人员为您解答。",
            [.. answer.Related, Phrases.Handoff]));
    }

    /// <summary>A remark that asks nothing ("俺男人在新疆 好几天联系不上", "俺爹不会用智能手机") is answered when a document
    /// speaks to it; when none does, nothing is said here: it was not a question to tell "not covered".</summary>
    public async Task<bool> TryAnswerAsync(DialogTurn turn, string remark, CancellationToken cancellationToken)
    {
        var answer = await knowledge.AskAsync(remark, turn.Inbound.UserId, null, cancellationToken);
        if (!answer.Answered || answer.Citations.FirstOrDefault() is not { } best) return false;
        Remember(turn, remark, answer, null);
        await SayAnswerAsync(turn, remark, answer, best, cancellationToken);
        return true;
    }

    private static Citation? Remember(DialogTurn turn, string question, KnowledgeAnswer answer, KnowledgeTopic? topic)
    {
        var best = answer.Citations.FirstOrDefault();
        // A follow-up answered in the conversation's context keeps the question that set the topic: "住几天" after
        // "家属去项目部探亲能住哪" names nothing, and "要钱不" next is read with the first question, not with it.
        var sameTopic = topic is not null && (best?.DocId == topic.DocId || answer.AssumedTopic is not null);
        turn.State.LastAnswer = new AnswerState
        {
            Question = question,
            CitedDocIds = answer.Citations.Select(c => c.DocId).Distinct().ToList(),
            Answered = answer.Answered,
            TopicDocId = best?.DocId,
            TopicTitle = best?.Title,
            TopicClause = best?.Clause,
            TopicQuestion = sameTopic ? topic!.Question : question,
        };
        return best;
    }

    private async Task SayAnswerAsync(DialogTurn turn, string question, KnowledgeAnswer answer, Citation best, CancellationToken cancellationToken)
    {
        turn.Say(AnswerCard("政策解答", answer.Answer, best, [Phrases.Helpful, Phrases.NotHelpful]) with
        {
            SuggestedReplies = [.. answer.Related, Phrases.Helpful, Phrases.NotHelpful],
        });
        await AnswerSecondAsync(turn, question, best, cancellationToken);
    }

    /// <summary>"探亲假能休几天？路费给报多少？": the first answer reads the whole message, which mostly answers the first
    /// question; the second is then asked on its own, read in the first answer's document, and its answer follows when
    /// it is another clause. Nothing is added when the documents do not answer it.</summary>
    private async Task AnswerSecondAsync(DialogTurn turn, string question, Citation first, CancellationToken cancellationToken)
    {
        var parts = SecondQuestion().Split(question).Select(p => p.Trim(' ', '，', ',', '。')).Where(p => p.Length >= MinPart).ToList();
        if (parts.Count != 2) return;
        var topic = new KnowledgeTopic(first.DocId, first.Title, first.Clause, parts[0]);
        var second = await knowledge.AskAsync(parts[1], turn.Inbound.UserId, topic, cancellationToken);
        if (!second.Answered || second.Citations.FirstOrDefault() is not { } best
            || (best.DocId == first.DocId && best.Clause == first.Clause)) return;
        turn.Say(AnswerCard($"「{parts[1]}」", second.Answer, best, []));
    }

    /// <summary>An answer card with the whole clause behind 查看原文.</summary>
    private static OutboundMessage AnswerCard(string title, string answer, Citation best, string[] actions)
    {
        var card = Replies.Card(CardKinds.Answer, title, answer, [], actions);
        return card with { Card = card.Card! with { Details = new CardDetails("查看原文", $"{best.Source}\n{best.Text}") } };
    }

    private const int MinPart = 4;

    // Between two questions: a question mark, or "，还有" before the second.
    [GeneratedRegex(@"[？?]|[，,\s]还有(?=[^？?]{3,})")]
    private static partial Regex SecondQuestion();

    public async Task RateAsync(DialogTurn turn, bool helpful, CancellationToken cancellationToken)
    {
        if (turn.State.LastAnswer is not { Rated: false } last)
        {
            turn.Say(Replies.Text("好的，收到。"));
            return;
        }
        await feedback.RecordAsync(Feedback(turn, helpful), cancellationToken);
        last.Rated = true;
        turn.Say(helpful
            ? Replies.Text("谢谢您的反馈！还有别的问题可以接着问。")
            : Replies.Text($"抱歉没帮上忙，我们会改进。您也可以换个说法再问，或拨打服务热线 {taxonomy.Hotline}。", Phrases.Handoff));
    }

    public void HandOff(DialogTurn turn) =>
        turn.Say(Replies.Text(
            $"请拨打集团服务热线 {taxonomy.Hotline}，由工作人员为您解答。\n如果需要有人联系您办事，也可以直接告诉我要办什么并留个电话，我帮您登记，例如：俺娘一个人在家，想找人去看看，电话13805312266。"));

    private AnswerFeedback Feedback(DialogTurn turn, bool helpful) => new(
        turn.Inbound.Channel, turn.Inbound.UserId, turn.State.LastAnswer!.Question, helpful, turn.State.LastAnswer.CitedDocIds, time.GetUtcNow());
}
