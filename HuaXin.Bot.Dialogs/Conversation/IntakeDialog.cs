using System.Globalization;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Dialogs.Understanding;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>Takes down a service request: asks for what is missing one slot at a time, accepts corrections, skips,
/// cancels and policy questions in between, then confirms a summary and saves the request.</summary>
public sealed class IntakeDialog
{
    private static readonly string[] SlotOrder = [SlotNames.Relation, SlotNames.City, SlotNames.Address, SlotNames.When, SlotNames.Urgency, SlotNames.Phone, SlotNames.Description];

    private readonly Taxonomy _taxonomy;
    private readonly KnowledgeDialog _knowledge;
    private readonly IServiceRequestStore _requests;
    private readonly TimeProvider _time;
    private readonly SlotExtractors _extractors;
    private readonly SlotAnswers _answers;
    private readonly Corrections _corrections;
    private readonly CategoryClassifier _classifier;
    private readonly IntentScorer _intent;

    public IntakeDialog(Taxonomy taxonomy, KnowledgeDialog knowledge, IServiceRequestStore requests, TimeProvider time)
    {
        _taxonomy = taxonomy;
        _knowledge = knowledge;
        _requests = requests;
        _time = time;
        _extractors = new SlotExtractors(taxonomy, time);
        _answers = new SlotAnswers(_extractors);
        _corrections = new Corrections(_answers);
        _classifier = new CategoryClassifier(taxonomy);
        _intent = new IntentScorer(taxonomy);
    }

    public void Start(DialogTurn turn, Abstractions.Understanding understanding)
    {
        var intake = new IntakeState
        {
            Category = _taxonomy.Find(understanding.Category)?.Code,
            OriginalText = turn.Inbound.Text?.Trim() ?? turn.Text,
            Slots = new Dictionary<string, string>(understanding.Slots),
            When = understanding.When,
        };
        intake.Slots.TryAdd(SlotNames.Description, intake.OriginalText);
        turn.State.Intake = intake;
        var category = _taxonomy.Find(intake.Category);
        turn.Say(Replies.Text(category is null
            ? "好的，我来帮您登记，转给相关部门办理。"
            : $"好的，我来帮您登记「{category.Name}」，由{category.Department}承办。"));
        if (RejectPastWhen(turn, intake) is { } note) turn.Say(Replies.Text(note));
        AskNext(turn);
    }

    public async Task ContinueAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        var intake = turn.State.Intake!;
        var text = turn.Text;
        if (Phrases.IsCancel(text) || (intake.Pending == IntakeSteps.Confirm && text == Phrases.Cancel))
        {
            turn.State.Intake = null;
            turn.Say(Replies.Text("好的，已取消，这件事没有提交。需要时随时再找我。"));
            return;
        }
        if (Phrases.IsHandoff(text))
        {
            turn.State.Intake = null;
            _knowledge.HandOff(turn);
            return;
        }

        switch (intake.Pending)
        {
            case IntakeSteps.Confirm:
                await ConfirmStepAsync(turn, intake, cancellationToken);
                return;
            case IntakeSteps.Change:
                await ChangeStepAsync(turn, intake, cancellationToken);
                return;
            case IntakeSteps.Category:
                await CategoryStepAsync(turn, intake, cancellationToken);
                return;
            default:
                await SlotStepAsync(turn, intake, intake.Pending!, cancellationToken);
                return;
        }
    }

    /// <summary>Repeats the pending prompt, e.g. after an interruption.</summary>
    public void RepeatPrompt(DialogTurn turn) => AskNext(turn);

    private async Task SlotStepAsync(DialogTurn turn, IntakeState intake, string slot, CancellationToken cancellationToken)
    {
        var text = turn.Text;
        if (Corrections.IsCorrection(text) && ApplyCorrection(turn, intake))
        {
            AskNext(turn);
            return;
        }
        var required = Category(intake)?.Required.Contains(slot) ?? true;
        // "没有电话" / "不方便留" is a "don't know" for the phone, not a badly typed number.
        var noPhone = slot == SlotNames.Phone && !PhoneExtractor.LooksLikeNumber(text) && !IsQuestion(text);
        if (Phrases.IsSkip(text) || Phrases.IsUnknown(text) || noPhone)
        {
            if (!required)
            {
                intake.Skipped.Add(slot);
                AskNext(turn);
                return;
            }
            var definition = _taxonomy.Slots[slot];
            turn.Say(Replies.Text(
                $"「{definition.Label}」这一项不能少：{definition.Why}\n{definition.Prompt}，例如：{definition.Example}。\n实在不方便的话，可以回复「{Phrases.Cancel}」，或「{Phrases.Handoff}」拨打服务热线。",
                Phrases.Cancel, Phrases.Handoff));
            return;
        }

        var strict = _answers.Strict(slot, text);
        if (strict is null && IsQuestion(text))
        {
            await _knowledge.AnswerAsync(turn, text, cancellationToken);
            turn.Say(Replies.Text("我们接着办刚才的事。"));
            AskNext(turn);
            return;
        }
        if (slot == SlotNames.Phone && strict is null)
        {
            turn.Say(Replies.Text($"这个号码好像不对，请再发一次：手机号是1开头的11位数字，座机请带区号，例如：{_taxonomy.Slots[SlotNames.Phone].Example}。", Phrases.Cancel));
            return;
        }

        var answer = strict ?? _answers.Lenient(slot, text);
        if (answer is null)
        {
            var definition = _taxonomy.Slots[slot];
            turn.Say(Replies.Text($"没太听明白。{definition.Prompt}，例如：{definition.Example}。", Phrases.Cancel));
            return;
        }
        Fill(intake, slot, answer, overwrite: true);
        foreach (var (other, match) in _extractors.ExtractStated(text)) Fill(intake, other, match, overwrite: false);
        if (RejectPastWhen(turn, intake) is { } note) turn.Say(Replies.Text(note));
        AskNext(turn);
    }

    private async Task ConfirmStepAsync(DialogTurn turn, IntakeState intake, CancellationToken cancellationToken)
    {
        var text = turn.Text;
        if (Phrases.IsConfirm(text))
        {
            await SubmitAsync(turn, intake, cancellationToken);
            return;
        }
        if (Phrases.IsChange(text))
        {
            intake.Pending = IntakeSteps.Change;
            turn.Say(ChangePrompt(intake));
            return;
        }
        if (Corrections.IsCorrection(text) && ApplyCorrection(turn, intake))
        {
            AskNext(turn);
            return;
        }
        if (IsQuestion(text))
        {
            await _knowledge.AnswerAsync(turn, text, cancellationToken);
            turn.Say(Replies.Text("我们接着办刚才的事。"));
            AskNext(turn);
            return;
        }
        turn.Say(Replies.Text($"请核对上面的信息：没问题请回复「{Phrases.Confirm}」，要改请回复「{Phrases.Change}」，不办了请回复「{Phrases.Cancel}」。",
            Phrases.Confirm, Phrases.Change, Phrases.Cancel));
    }

    private async Task ChangeStepAsync(DialogTurn turn, IntakeState intake, CancellationToken cancellationToken)
    {
        var text = turn.Text;
        if (text.Contains("类别", StringComparison.Ordinal) || text.Contains("类型", StringComparison.Ordinal))
        {
            intake.Category = null;
            AskNext(turn);
            return;
        }
        var read = _corrections.Read(text);
        var named = Corrections.NamedSlot(text) ?? LabelledSlot(text);
        if (read.Count > 0)
        {
            foreach (var (slot, match) in read) Fill(intake, slot, match, overwrite: true);
            Changed(turn, read.Keys);
            if (RejectPastWhen(turn, intake) is { } note) turn.Say(Replies.Text(note));
            AskNext(turn);
            return;
        }
        if (named is not null)
        {
            // Clearing the slot makes the normal flow ask for it again, then return to the summary.
            intake.Slots.Remove(named);
            intake.Skipped.Remove(named);
            if (named == SlotNames.When) intake.When = null;
            var category = Category(intake);
            if (category is not null && !category.Required.Contains(named) && !category.Optional.Contains(named))
            {
                // A slot the category never asks for (e.g. 紧急程度) is asked here once, skippable.
                intake.Pending = named;
                turn.Say(Prompt(named, optional: true));
                return;
            }
            AskNext(turn);
            return;
        }
        if (IsQuestion(text))
        {
            await _knowledge.AnswerAsync(turn, text, cancellationToken);
        }
        turn.Say(ChangePrompt(intake));
    }

    private async Task CategoryStepAsync(DialogTurn turn, IntakeState intake, CancellationToken cancellationToken)
    {
        var text = turn.Text;
        var chosen = _taxonomy.Categories.FirstOrDefault(c => text == c.Name || text == c.Code || c.Name.Split('/', '（').Any(part => part.Length > 1 && text.Contains(part, StringComparison.Ordinal)))
            ?? _classifier.Classify(text).Category;
        if (chosen is null && IsQuestion(text))
        {
            await _knowledge.AnswerAsync(turn, text, cancellationToken);
            turn.Say(Replies.Text("我们接着办刚才的事。"));
        }
        else if (chosen is not null)
        {
            intake.Category = chosen.Code;
            turn.Say(Replies.Text($"好的，按「{chosen.Name}」登记，由{chosen.Department}承办。"));
        }
        AskNext(turn);
    }

    private async Task SubmitAsync(DialogTurn turn, IntakeState intake, CancellationToken cancellationToken)
    {
        var category = Category(intake)!;
        var urgent = intake.Slots.GetValueOrDefault(SlotNames.Urgency) == SlotNames.Urgent;
        var within = category.FirstContactWithin(urgent);
        var created = await _requests.CreateAsync(new NewServiceRequest(
            category.Code, category.Department, turn.Inbound.Channel, turn.Inbound.UserId, turn.Inbound.UserName,
            new Dictionary<string, string>(intake.Slots), intake.OriginalText, urgent, within), cancellationToken);
        turn.State.Intake = null;

        var promised = TimeZoneInfo.ConvertTime(created.PromisedContactBy, _time.LocalTimeZone).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
        var hours = within.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
        turn.Say(Replies.Card("ticket", "诉求已提交",
            $"{category.Department}会在 {promised} 前联系您（承诺{hours}小时内首次联系），一般{category.ResolutionText}内办结。发送「{Phrases.MyRequests}」可查看进度。",
            [new CardFact("编号", created.Number), new CardFact("类别", category.Name), new CardFact("承办部门", category.Department), new CardFact("最晚联系时间", promised)],
            Phrases.MyRequests));
    }

    private void AskNext(DialogTurn turn)
    {
        var intake = turn.State.Intake!;
        var category = Category(intake);
        if (category is null)
        {
            intake.Pending = IntakeSteps.Category;
            var names = _taxonomy.Categories.Select(c => c.Name).ToArray();
            turn.Say(Replies.Text("请问是哪方面的事？可以直接点选，或说说具体情况。", names));
            return;
        }
        var missing = category.Required.FirstOrDefault(s => !intake.Slots.ContainsKey(s));
        if (missing is not null)
        {
            intake.Pending = missing;
            turn.Say(Prompt(missing, optional: false));
            return;
        }
        var optional = category.Optional.FirstOrDefault(s => !intake.Slots.ContainsKey(s) && !intake.Skipped.Contains(s));
        if (optional is not null)
        {
            intake.Pending = optional;
            turn.Say(Prompt(optional, optional: true));
            return;
        }
        intake.Pending = IntakeSteps.Confirm;
        turn.Say(Summary(intake, category));
    }

    private OutboundMessage Prompt(string slot, bool optional)
    {
        var d = _taxonomy.Slots[slot];
        return optional
            ? Replies.Text($"{d.Prompt}（可以回复「{Phrases.Skip}」）例如：{d.Example}", Phrases.Skip, Phrases.Cancel)
            : Replies.Text($"{d.Prompt}，例如：{d.Example}", Phrases.Cancel);
    }

    private OutboundMessage Summary(IntakeState intake, CategoryDefinition category)
    {
        var facts = new List<CardFact> { new("类别", category.Name), new("承办部门", category.Department) };
        facts.AddRange(SlotOrder.Where(intake.Slots.ContainsKey).Select(s => new CardFact(_taxonomy.Slots[s].Label, intake.Slots[s])));
        return Replies.Card("summary", "请核对您的诉求", "信息无误请点「确认」提交。", facts, Phrases.Confirm, Phrases.Change, Phrases.Cancel);
    }

    private OutboundMessage ChangePrompt(IntakeState intake)
    {
        var labels = SlotOrder.Where(intake.Slots.ContainsKey).Select(s => _taxonomy.Slots[s].Label).Append("类别").ToArray();
        return Replies.Text($"要改哪一项？可以直接说，例如：电话改成13912345678、地址改成阳光小区5号楼。", labels);
    }

    private bool ApplyCorrection(DialogTurn turn, IntakeState intake)
    {
        var read = _corrections.Read(turn.Text);
        if (read.Count == 0) return false;
        foreach (var (slot, match) in read) Fill(intake, slot, match, overwrite: true);
        Changed(turn, read.Keys);
        if (RejectPastWhen(turn, intake) is { } note) turn.Say(Replies.Text(note));
        return true;
    }

    private void Changed(DialogTurn turn, IEnumerable<string> slots)
    {
        var intake = turn.State.Intake!;
        var changed = slots.Where(intake.Slots.ContainsKey).Select(s => $"{_taxonomy.Slots[s].Label}：{intake.Slots[s]}");
        turn.Say(Replies.Text($"已改好。{string.Join("，", changed)}"));
    }

    private static void Fill(IntakeState intake, string slot, SlotMatch match, bool overwrite)
    {
        if (slot == SlotNames.Description || (!overwrite && intake.Slots.ContainsKey(slot))) return;
        intake.Slots[slot] = match.Value;
        if (slot == SlotNames.When) intake.When = match.Window;
    }

    /// <summary>Drops a "when" that is already over and says so; the slot is then asked again.</summary>
    private string? RejectPastWhen(DialogTurn turn, IntakeState intake)
    {
        if (intake.When is not { } window || window.End > _time.GetLocalNow()) return null;
        var said = intake.Slots.GetValueOrDefault(SlotNames.When);
        intake.Slots.Remove(SlotNames.When);
        intake.When = null;
        return $"您说的时间「{said}」已经过去了，请说一个以后的时间，例如：明天上午、下周三。";
    }

    private bool IsQuestion(string text)
    {
        var (_, categoryScore) = _classifier.Classify(text);
        var scores = _intent.Score(text, hasPhone: false, hasAddress: false, categoryScore);
        return scores.Question >= 2 || (scores.Question > 0 && text.Length > 4 && !scores.IsRequest);
    }

    private string? LabelledSlot(string text) =>
        _taxonomy.Slots.Values.FirstOrDefault(d => text.Contains(d.Label, StringComparison.Ordinal))?.Name;

    private CategoryDefinition? Category(IntakeState intake) => _taxonomy.Find(intake.Category);
}
