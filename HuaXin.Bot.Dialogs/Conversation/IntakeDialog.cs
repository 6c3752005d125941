using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Text;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Dialogs.Understanding;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>Takes down a service request: asks for what is missing one slot at a time, accepts corrections, skips,
/// cancels and policy questions in between, then confirms a summary and saves the request.</summary>
public sealed partial class IntakeDialog
{
    private readonly Taxonomy _taxonomy;
    private readonly KnowledgeDialog _knowledge;
    private readonly IServiceRequestStore _requests;
    private readonly TimeProvider _time;
    private readonly SlotExtractors _extractors;
    private readonly SlotAnswers _answers;
    private readonly Corrections _corrections;
    private readonly CategoryClassifier _classifier;
    private readonly IntentScorer _intent;
    private readonly IntakeReplies _say;
    private readonly IRequestUnderstanding? _understanding;
    private readonly IRequesterProfiles? _profiles;

    /// <param name="slots">The bot's slot extractors, shared with the rest of the turn.</param>
    public IntakeDialog(Taxonomy taxonomy, KnowledgeDialog knowledge, IServiceRequestStore requests, TimeProvider time, SlotExtractors slots,
        IRequestUnderstanding? understanding = null, IRequesterProfiles? profiles = null)
    {
        _understanding = understanding;
        _profiles = profiles;
        _taxonomy = taxonomy;
        _knowledge = knowledge;
        _requests = requests;
        _time = time;
        _extractors = slots;
        _answers = new SlotAnswers(_extractors);
        _corrections = new Corrections(_answers);
        _classifier = new CategoryClassifier(taxonomy);
        _intent = new IntentScorer(taxonomy);
        _say = new IntakeReplies(taxonomy, time);
    }

    /// <param name="sympathised">Condolences were said already, with the offer this answers.</param>
    public async Task StartAsync(DialogTurn turn, Abstractions.Understanding understanding, CancellationToken cancellationToken, bool sympathised = false)
    {
        var intake = new IntakeState
        {
            Category = _taxonomy.Find(understanding.Category)?.Code,
            OriginalText = turn.RawText,
            Slots = new Dictionary<string, string>(understanding.Slots),
            When = understanding.When,
        };
        intake.Slots.TryAdd(SlotNames.Description, intake.OriginalText);
        // "…越快越好" already says when: staff call to agree the time, as when it answers the question.
        if (!intake.Slots.ContainsKey(SlotNames.When) && SoonestWords().IsMatch(turn.Text))
            intake.Slots[SlotNames.When] = AsSoonAsPossible;
        // A bound family is not asked for what the roster already holds, nor anyone for the number they gave earlier.
        if (_profiles is not null && await _profiles.FindAsync(turn.Inbound.Channel, turn.Inbound.UserId, cancellationToken) is { } profile)
        {
            intake.RosterPhone = profile.Phone;
            intake.RosterAddress = profile.Address;
        }
        intake.RosterPhone ??= turn.State.LastPhone;
        turn.State.Intake = intake;
        turn.State.Offer = null;
        var category = _taxonomy.Find(intake.Category);
        intake.Next = await SecondNeedAsync(turn.RawText, category, cancellationToken);
        var next = intake.Next is { } second ? $"您说的「{second.Text}」，这件登记完接着办。" : "";
        // A complaint is first owed an apology, then the promise that someone will look into it.
        var sorry = Phrases.TellsOfADeath(turn.RawText) && !sympathised ? "请您节哀。"
            : intake.Category == Understanding.Purpose.Complaint ? "给您添麻烦了，实在抱歉。" : "";
        // Someone in the emergency room or a cry for speed: calm first, and say it goes ahead of the rest.
        var urgent = Urgent(intake);
        var opening = (category, urgent) switch
        {
            (null, true) => "别着急，我马上帮您登记，转给相关部门优先办理。",
            // Nothing named a service: say what can be taken down, without promising the message itself ("给俺唱首歌").
            (null, false) => "我能帮您登记下面这些服务，转给承办部门办理。",
            (_, true) => $"别着急，我马上帮您登记「{category.Name}」，{category.Department}会优先联系您。",
            _ => $"好的，我来帮您登记「{category.Name}」，由{category.Department}承办。",
        };
        // "请您节哀。好的，…" reads as if the sorrow were agreed to.
        turn.Say(Replies.Text(sorry + (sorry.Length > 0 && opening.StartsWith("好的，", StringComparison.Ordinal) ? opening[3..] : opening) + next));
        if (PastWhenNote(intake) is { } note) turn.Say(Replies.Text(note));
        AskNext(turn);
    }

    /// <summary>"需要" after an answered question: the question's own words become the request.</summary>
    public async Task StartFromQuestionAsync(DialogTurn turn, OfferState offer, CancellationToken cancellationToken)
    {
        var understood = _understanding is null ? null : await _understanding.UnderstandAsync(offer.Text, cancellationToken);
        var category = _taxonomy.Find(offer.Category);
        var slots = new Dictionary<string, string>(understood?.Slots ?? new Dictionary<string, string>()) { [SlotNames.Description] = offer.Text };
        if (offer.Phone is { } phone) slots.TryAdd(SlotNames.Phone, phone);
        // A trouble told, not asked for ("水管爆了 满屋子都是水"), reads to the message model as a remark with no slots:
        // what it says of itself (urgent, where, a number) is still what the request holds.
        foreach (var (slot, match) in _extractors.ExtractStated(TextNormalizer.Normalize(offer.Text)))
            if (slot is SlotNames.Urgency or SlotNames.Phone or SlotNames.City or SlotNames.Address) slots.TryAdd(slot, match.Value);
        var inbound = turn.Inbound with { Text = offer.Text, Value = null };
        var asked = new DialogTurn(inbound, offer.Text, turn.State);
        await StartAsync(asked, new Abstractions.Understanding(true, category?.Code, category?.Department, slots, understood?.When), cancellationToken,
            sympathised: true);
        foreach (var reply in asked.Replies) turn.Say(reply);
    }

    public async Task ContinueAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        var intake = turn.State.Intake!;
        var text = turn.Text;
        if (Phrases.IsCancel(text))
        {
            SetAside(turn);
            // "算了 不修了 俺想找人陪俺娘去医院": this one is dropped and another need told in the same breath; that one is
            // taken down, not lost.
            if (_understanding is not null && !Phrases.SeesToItThemselves(text)
                && await _understanding.UnderstandAsync(turn.RawText, cancellationToken) is { IsRequest: true, Category: { } other } instead
                && other != intake.Category && other != Understanding.Purpose.Complaint)
            {
                turn.Say(Replies.Text(Category(intake) is { } dropped ? $"「{dropped.Name}」就不登记了。" : "刚才那件就不登记了。"));
                await StartAsync(turn, instead, cancellationToken);
                return;
            }
            turn.Say(Replies.Text("好的，已取消，不登记了。还有问题可以接着问，需要时随时再找我。"));
            return;
        }
        if (Phrases.IsHandoff(text))
        {
            turn.State.Intake = null;
            _knowledge.HandOff(turn);
            return;
        }
        // Asked about this request, not about a policy: what happens next.
        if (Phrases.AsksWhatNext(text) || Phrases.AsksWhenHelpComes(text))
        {
            var confirming = intake.Pending == IntakeSteps.Confirm;
            turn.Say(_say.WhatNext(Category(intake), Urgent(intake), confirming));
            // The summary card is already on screen: asking again would repeat it whole.
            if (!confirming) AskNext(turn);
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

    /// <summary>Puts the request being taken down aside, as a cancel does, with how to take it up again.</summary>
    public void Pause(DialogTurn turn)
    {
        SetAside(turn);
        turn.Say(Replies.Text("刚才在登记的事先放一放，等您方便了，回复「接着办」就能接着登记。"));
    }

    // Cancelled or paused, the request is kept for a while so that 还是弄吧 / 接着办 can bring it back.
    private void SetAside(DialogTurn turn)
    {
        (turn.State.Withdrawn, turn.State.WithdrawnAt) = (turn.State.Intake, _time.GetUtcNow());
        turn.State.Intake = null;
    }

    /// <summary>"唉 还是弄吧" soon after cancelling: the cancelled request comes back with everything already said, and the
    /// question it stopped at is asked again.</summary>
    public bool TryResume(DialogTurn turn)
    {
        if (turn.State is not { Withdrawn: { } withdrawn, WithdrawnAt: { } at } || !Phrases.AsksToResume(turn.Text)) return false;
        (turn.State.Withdrawn, turn.State.WithdrawnAt) = (null, null);
        if (_time.GetUtcNow() - at > ResumeWithin) return false;
        turn.State.Intake = withdrawn;
        turn.Say(Replies.Text(Category(withdrawn) is { } category ? $"好的，接着办刚才的「{category.Name}」，已经说过的都还在。" : "好的，接着办刚才的事。"));
        AskNext(turn);
        return true;
    }

    private static readonly TimeSpan ResumeWithin = TimeSpan.FromMinutes(30);

    // Asked for the address, what follows the place's name is part of it: "王家村东头第三家", "李庄镇东街". In a village
    // the landmark is the address. Not when it says something else (a time, a phone) or asks.
    private SlotMatch WithLandmark(SlotMatch address, string text)
    {
        var last = address.Value.Split(' ')[^1];
        var at = text.LastIndexOf(last, StringComparison.Ordinal);
        if (at < 0) return address;
        var rest = text[(at + last.Length)..];
        var tail = rest.Trim(' ', '，', ',', '。');
        var gap = rest.Length > 0 && rest[0] is ' ' or '，' or ',' ? " " : "";
        return tail.Length is > 0 and <= MaxLandmark && !IsQuestion(tail) && !PhoneExtractor.LooksLikeNumber(tail)
            && _extractors.ExtractStated(tail).Keys.All(k => k == SlotNames.Address)
            ? new SlotMatch(address.Value + gap + tail, address.Window)
            : address;
    }

    private const int MaxLandmark = 24;

    private const int ShortAside = 6;

    /// <summary>Repeats the pending prompt, e.g. after an interruption.</summary>
    public void RepeatPrompt(DialogTurn turn) => AskNext(turn);

    private async Task SlotStepAsync(DialogTurn turn, IntakeState intake, string slot, CancellationToken cancellationToken)
    {
        var text = turn.Text;
        if (await TryChangeNeedAsync(turn, intake, cancellationToken)) return;
        if (await TryAddNeedAsync(turn, intake, cancellationToken)) return;
        if (Corrections.IsCorrection(text) && ApplyCorrection(turn, intake))
        {
            AskNext(turn);
            return;
        }
        // An address said in pieces ("明水街道", then "东山村", then "18号"): a piece right after it continues it, though
        // the next question has been asked; a house number only while the address has none.
        var addressSoFar = intake.AddressLast && slot != SlotNames.Address ? intake.Slots.GetValueOrDefault(SlotNames.Address) : null;
        intake.AddressLast = false;
        if (addressSoFar is not null && AddressPiece().Match(text.Trim()) is { Success: true } piece
            && (!piece.Groups["number"].Success || !addressSoFar.Any(char.IsAsciiDigit)))
        {
            intake.Slots[SlotNames.Address] = addressSoFar + piece.Value;
            intake.AddressLast = true;
            turn.Say(Replies.Text($"地址记为：{intake.Slots[SlotNames.Address]}"));
            AskNext(turn);
            return;
        }
        var required = Category(intake)?.Required.Contains(slot) ?? true;
        // "就这些，没有别的了" or "提交吧": nothing more to add, so the optional questions are over.
        if ((Phrases.IsDone(text) || Phrases.IsSubmit(text)) && !required)
        {
            SkipOptional(intake);
            AskNext(turn);
            return;
        }
        // "都行 / 随时 / 尽快 / 不知道 / 提交吧" for a time: staff call to agree one. So is a bare "中 / 行 / 好" to
        // "希望什么时候": whenever suits them.
        if (slot == SlotNames.When && (Phrases.IsAnyTime(text) || (Phrases.IsConfirm(text) && !Phrases.IsSubmitCommand(text))
            || (required && (Phrases.IsUnknown(text) || Phrases.IsDone(text) || Phrases.IsSubmit(text)))))
        {
            intake.Slots[SlotNames.When] = AsSoonAsPossible;
            intake.When = null;
            turn.Say(Replies.Text("好的，按「尽快安排」登记，工作人员会先打电话跟您约具体时间。"));
            AskNext(turn);
            return;
        }
        if (Phrases.IsChange(text))
        {
            intake.Pending = IntakeSteps.Change;
            turn.Say(_say.WhatToChange(intake));
            return;
        }
        var strict = _answers.Strict(slot, text);
        // "不给电话不行吗" asks to go on without a number: that is the decline below, not a policy question.
        var declinesPhone = slot == SlotNames.Phone && DeclinesPhone().IsMatch(text);
        if (strict is null && IsQuestion(text) && !declinesPhone)
        {
            // "要钱不" asked while a legal-aid request is taken down asks whether legal aid costs money: a short question
            // that names nothing is read with the kind of service being registered.
            var asked = text.Length <= ShortAside && Category(intake) is { } service && !text.Contains(service.Name, StringComparison.Ordinal)
                ? $"{service.Name}{text}" : text;
            await _knowledge.AnswerAsync(turn, asked, cancellationToken);
            turn.Say(_say.Resume());
            AskNext(turn);
            return;
        }
        if (strict is null && HarvestOthers(intake, slot, text) is { Count: > 0 } kept)
        {
            // Answered something else ("济南历城" when asked for the phone): keep it and ask again.
            turn.Say(_say.Kept(intake, kept));
            AskNext(turn);
            return;
        }
        // Asked for the phone, people often say more about the trouble first ("俺家厕所也堵了", "俺爹叫张德福 七十三了")
        // or only "中 那就登记吧": neither is a refusal to give a number. The first is kept with the description.
        if (slot == SlotNames.Phone && strict is null && !PhoneExtractor.LooksLikeNumber(text) && !IsQuestion(text) && !DeclinesPhone().IsMatch(text)
            && !(Phrases.IsSkip(text) || Phrases.IsUnknown(text) || Phrases.IsDone(text) || Phrases.IsAnyTime(text) || Phrases.IsSubmit(text)))
        {
            if (Phrases.IsYes(text) || Phrases.IsConfirm(text) || GoAhead().IsMatch(text))
            {
                // A yes is agreement to leave one, not the number: ask for the digits themselves, not the same words again.
                turn.Say(_say.PhoneAwaited(again: intake.PhoneAwaited));
                // The second says why a number matters and how to go on without one, as a first "不留" would be told.
                if (intake.PhoneAwaited && !intake.Explained.Contains(SlotNames.Phone)) intake.Explained.Add(SlotNames.Phone);
                intake.PhoneAwaited = true;
                return;
            }
            NoteMore(turn, intake, turn.RawText.Trim());
            AskNext(turn);
            return;
        }
        // "没有电话" / "不方便留" is a "don't know" for the phone, not a badly typed number.
        var noPhone = slot == SlotNames.Phone && !PhoneExtractor.LooksLikeNumber(text) && (!IsQuestion(text) || declinesPhone);
        // With a number staff can call back on, "提交吧" to a required question means going on without it.
        var callBack = slot != SlotNames.Phone && HasCallbackPhone(intake);
        if (Phrases.IsSkip(text) || Phrases.IsUnknown(text) || Phrases.IsDone(text) || Phrases.IsAnyTime(text) || noPhone
            || (callBack && Phrases.IsSubmit(text)))
        {
            if (!required)
            {
                intake.Skipped.Add(slot);
                AskNext(turn);
                return;
            }
            // Said once why it is needed; a second "不知道" goes on, and staff settle it on the phone or in this chat.
            if (!intake.Explained.Contains(slot))
            {
                intake.Explained.Add(slot);
                turn.Say(_say.RequiredExplained(slot, callBack));
                return;
            }
            // Asking a third time only stalls someone who cannot or will not say it; staff ask when they call, and
            // optional questions would only keep them longer from the summary.
            if (callBack)
            {
                intake.Slots[slot] = ToConfirmByPhone;
                SkipOptional(intake);
                turn.Say(_say.ConfirmedByPhone(slot));
                AskNext(turn);
                return;
            }
            intake.Slots[slot] = slot == SlotNames.Phone ? NoPhone : ToBeChecked;
            AskNext(turn);
            return;
        }

        // Someone with only a landline gives that: it is still a number to call.
        if (slot == SlotNames.Phone && strict is null && PhoneExtractor.Landline(text) is { } landline)
            strict = new SlotMatch(landline);
        if (slot == SlotNames.Phone && strict is null)
        {
            turn.Say(_say.BadPhone());
            return;
        }

        var answer = slot == SlotNames.Description ? _answers.Strict(slot, turn.RawText) : strict ?? _answers.Lenient(slot, text);
        // "每个礼拜去两趟就中": how often, not one date; staff arrange the first visit, so the words themselves are the time.
        if (answer is null && slot == SlotNames.When && Recurring().IsMatch(text)) answer = new SlotMatch(turn.RawText.Trim());
        if (answer is not null && slot == SlotNames.Address) answer = WithLandmark(answer, text);
        if (answer is null)
        {
            turn.Say(_say.NotUnderstood(slot));
            return;
        }
        Fill(intake, slot, answer, overwrite: true);
        intake.AddressLast = slot == SlotNames.Address;
        foreach (var (other, match) in _extractors.ExtractStated(text)) Fill(intake, other, match, overwrite: false);
        if (PastWhenNote(intake) is { } note) turn.Say(Replies.Text(note));
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
            turn.Say(_say.WhatToChange(intake));
            return;
        }
        if (await TryChangeNeedAsync(turn, intake, cancellationToken)) return;
        if (await TryAddNeedAsync(turn, intake, cancellationToken)) return;
        if (Corrections.IsCorrection(text) && (ApplyCorrection(turn, intake) || CorrectDescription(turn, intake)))
        {
            AskNext(turn);
            return;
        }
        // An edit in plain words ("电话是139…", "明天下午吧", "地址是东山村18号") changes the summary.
        var stated = _extractors.ExtractStated(text).Where(s => s.Key != SlotNames.Urgency || s.Value.Value == SlotNames.Urgent).ToDictionary();
        if (stated.Count > 0 && !IsQuestion(text))
        {
            foreach (var (slot, match) in stated) Fill(intake, slot, match, overwrite: true);
            turn.Say(_say.Changed(intake, stated.Keys));
            AskNext(turn);
            return;
        }
        if (IsQuestion(text))
        {
            await _knowledge.AnswerAsync(turn, text, cancellationToken);
            turn.Say(_say.Resume());
            AskNext(turn);
            return;
        }
        turn.Say(_say.ConfirmHint());
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
            turn.Say(_say.Changed(intake, read.Keys));
            if (PastWhenNote(intake) is { } note) turn.Say(Replies.Text(note));
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
                turn.Say(_say.Prompt(named, optional: true));
                return;
            }
            AskNext(turn);
            return;
        }
        if (IsQuestion(text))
        {
            await _knowledge.AnswerAsync(turn, text, cancellationToken);
        }
        turn.Say(_say.WhatToChange(intake));
    }

    private async Task CategoryStepAsync(DialogTurn turn, IntakeState intake, CancellationToken cancellationToken)
    {
        var text = turn.Text;
        var chosen = _taxonomy.Categories.FirstOrDefault(c => text == c.Name || text == c.Code || c.Name.Split('/', '（').Any(part => part.Length > 1 && text.Contains(part, StringComparison.Ordinal)))
            ?? _classifier.Classify(text).Category;
        if (chosen is null && IsQuestion(text))
        {
            await _knowledge.AnswerAsync(turn, text, cancellationToken);
            turn.Say(_say.Resume());
            AskNext(turn);
            return;
        }
        // "俺想找人陪俺娘去医院" names its service to the message model though no keyword does; a phone, an address or a
        // time said instead of the kind is kept for the questions after it, not lost.
        var understood = chosen is null && _understanding is not null ? await _understanding.UnderstandAsync(turn.RawText, cancellationToken) : null;
        chosen ??= _taxonomy.Find(understood?.Category) is { Code: not Understanding.Purpose.Complaint } named ? named : null;
        if (chosen is not null)
        {
            intake.Category = chosen.Code;
            turn.Say(Replies.Text($"好的，按「{chosen.Name}」登记，由{chosen.Department}承办。"));
            AskNext(turn);
            return;
        }
        var kept = false;
        foreach (var (slot, match) in _extractors.ExtractStated(text))
        {
            if (slot is not (SlotNames.Phone or SlotNames.City or SlotNames.Address or SlotNames.When) || intake.Slots.ContainsKey(slot)) continue;
            Fill(intake, slot, match, overwrite: false);
            kept = true;
        }
        // Asked the same way again, the same question reads as a bot stuck; say what is missing and the way out.
        turn.Say(Replies.Text((kept ? "记下了。" : "") + $"还差一样：是哪方面的事？请点下面一项，或说说要办什么；不登记了回复「{Phrases.Cancel}」。",
            _taxonomy.Categories.Select(c => c.Name).ToArray()));
    }

    private void SkipOptional(IntakeState intake)
    {
        foreach (var slot in Category(intake)?.Optional ?? []) if (!intake.Slots.ContainsKey(slot) && !intake.Skipped.Contains(slot)) intake.Skipped.Add(slot);
    }

    private async Task SubmitAsync(DialogTurn turn, IntakeState intake, CancellationToken cancellationToken)
    {
        var category = Category(intake)!;
        var urgent = Urgent(intake);
        var within = category.FirstContactWithin(urgent);
        var slots = new Dictionary<string, string>(intake.Slots);
        if (slots.ContainsKey(SlotNames.When)) slots[SlotNames.When] = _say.Dated(intake);
        var created = await _requests.CreateAsync(new NewServiceRequest(
            category.Code, category.Department, turn.Inbound.Channel, turn.Inbound.UserId, turn.Inbound.UserName,
            slots, intake.OriginalText, urgent, within, intake.DraftId), cancellationToken);
        turn.State.Intake = null;
        if (intake.Slots.GetValueOrDefault(SlotNames.Phone) is { } phone && !BotPlaceholders.Contains(phone)) turn.State.LastPhone = phone;
        turn.Say(_say.Submitted(created, category, within));
        if (intake.Next is { } next)
        {
            // The offer's yes starts the second request from its own words, as after an answered question.
            next.Phone = intake.Slots.GetValueOrDefault(SlotNames.Phone);
            turn.State.Offer = next;
            turn.Say(Replies.Text($"您还说了「{next.Text}」，现在接着登记吗？", [Phrases.Yes, Phrases.No]));
        }
    }

    /// <summary>"不对 不是修水管 是俺娘病了 想找人陪她去医院": the need itself was wrong. A correction that is a request of
    /// another category starts that one over from its own words; the number and place already given stay.</summary>
    private async Task<bool> TryChangeNeedAsync(DialogTurn turn, IntakeState intake, CancellationToken cancellationToken)
    {
        // A field named or a value given ("不对电话错了是135…", "地址写错了") corrects that field, whatever the model reads.
        if (_understanding is null || !Corrections.IsCorrection(turn.Text) || Category(intake) is not { } before
            || Corrections.NamedSlot(turn.Text) is not null || turn.Text.Any(char.IsAsciiDigit)) return false;
        // "不是维修 是俺爹要去医院 想找人陪着": the need is what is said instead; the old one named would read as itself.
        var instead = Corrections.Instead(turn.RawText);
        var understood = await _understanding.UnderstandAsync(instead.Length >= 4 ? instead : turn.RawText, cancellationToken);
        if (!understood.IsRequest || _taxonomy.Find(understood.Category) is not { } other || other.Code == before.Code) return false;
        var slots = new Dictionary<string, string>(understood.Slots);
        foreach (var kept in new[] { SlotNames.Phone, SlotNames.City, SlotNames.Address })
            if (intake.Slots.TryGetValue(kept, out var value)) slots.TryAdd(kept, value);
        turn.Say(Replies.Text($"好的，不登记「{before.Name}」了。"));
        await StartAsync(turn, understood with { Slots = slots }, cancellationToken);
        return true;
    }

    /// <summary>"还有 俺娘一个人在家没人照看" in the middle of a request or at its summary: a need of another category waits
    /// its turn, as in the first message; more of the same trouble ("还有 房顶漏雨也得修") joins the description. The question
    /// asked stands.</summary>
    private async Task<bool> TryAddNeedAsync(DialogTurn turn, IntakeState intake, CancellationToken cancellationToken)
    {
        if (_understanding is null || LeadingNeed().Match(turn.RawText) is not { Success: true } lead || Category(intake) is not { } first) return false;
        var need = turn.RawText[lead.Length..].Trim(' ', '，', ',', '。');
        if (need.Length < 4) return false;
        var understood = await _understanding.UnderstandAsync(need, cancellationToken);
        if (!understood.IsRequest) return false;
        if (_taxonomy.Find(understood.Category) is { } other && other.Code != first.Code)
        {
            if (intake.Next is not null) return false;
            intake.Next = new OfferState { Text = need, Category = other.Code };
            turn.Say(Replies.Text($"好的，您说的「{need}」，这件登记完接着办。"));
        }
        else
        {
            NoteMore(turn, intake, need);
        }
        AskNext(turn);
        return true;
    }

    private static void NoteMore(DialogTurn turn, IntakeState intake, string more)
    {
        intake.Slots[SlotNames.Description] = $"{intake.Slots.GetValueOrDefault(SlotNames.Description)}；{more}".TrimStart('；');
        // The same words for every detail told read as if nobody listened.
        turn.Say(Replies.Text(NotedReplies[(intake.Slots[SlotNames.Description].Count(c => c == '；') + NotedReplies.Length - 1) % NotedReplies.Length]));
    }

    private static readonly string[] NotedReplies = ["好的，这个情况也记下了。", "嗯，记下了，会一起转给承办的同事。", "明白，这一条也写上了。"];

    [GeneratedRegex(@"^(还有个|还有一个|还有件事|还有|另外|再一个|再有个)[，,\s]*")]
    private static partial Regex LeadingNeed();

    /// <summary>Two needs in one message ("想给俺娘找个人照看 再一个家里水管子坏了"): the part after the word that
    /// adds a need, when it is a request of another category than the one being taken down, waits for its turn.</summary>
    private async Task<OfferState?> SecondNeedAsync(string text, CategoryDefinition? first, CancellationToken cancellationToken)
    {
        if (_understanding is null || first is null || AnotherNeed().Match(text) is not { Success: true } joint
            || joint.Index < 4 || text.Length - joint.Index - joint.Length < 4)
            return null;
        foreach (var part in new[] { text[(joint.Index + joint.Length)..], text[..joint.Index] })
        {
            var need = part.Trim(' ', '，', ',', '。', '；');
            var understood = await _understanding.UnderstandAsync(need, cancellationToken);
            if (understood.IsRequest && _taxonomy.Find(understood.Category) is { } other && other.Code != first.Code)
                return new OfferState { Text = need, Category = other.Code };
        }
        return null;
    }

    private void AskNext(DialogTurn turn)
    {
        var intake = turn.State.Intake!;
        var category = Category(intake);
        if (category is null)
        {
            intake.Pending = IntakeSteps.Category;
            turn.Say(_say.ChooseCategory());
            return;
        }
        FillFromRoster(intake, category);
        var missing = category.Required.FirstOrDefault(s => !intake.Slots.ContainsKey(s));
        if (missing is not null)
        {
            intake.Pending = missing;
            turn.Say(_say.Prompt(missing, optional: false));
            return;
        }
        var optional = category.Optional.FirstOrDefault(s => !intake.Slots.ContainsKey(s) && !intake.Skipped.Contains(s));
        if (optional is not null)
        {
            intake.Pending = optional;
            turn.Say(_say.Prompt(optional, optional: true));
            return;
        }
        intake.Pending = IntakeSteps.Confirm;
        turn.Say(_say.Summary(intake, category));
    }

    // What the roster holds for a bound family fills the phone and, where a visit needs it, the address.
    private static void FillFromRoster(IntakeState intake, CategoryDefinition category)
    {
        if (intake.RosterPhone is { } phone && !intake.Slots.ContainsKey(SlotNames.Phone)) intake.Slots[SlotNames.Phone] = phone;
        if (intake.RosterAddress is { } address && !intake.Slots.ContainsKey(SlotNames.Address)
            && (category.Required.Contains(SlotNames.Address) || category.Optional.Contains(SlotNames.Address)))
            intake.Slots[SlotNames.Address] = address;
    }

    private const string AsSoonAsPossible = "尽快安排（电话约时间）";
    private const string ToBeChecked = "待电话核实";
    private const string NoPhone = "未留电话（请在对话中联系）";

    // A required slot the user could not give, left for staff to ask on the callback; the ticket carries it as the
    // slot's value, so staff read it beside the other answers.
    private const string ToConfirmByPhone = "待电话确认";

    private static readonly string[] BotPlaceholders = [AsSoonAsPossible, ToBeChecked, NoPhone, ToConfirmByPhone];

    private static bool HasCallbackPhone(IntakeState intake) =>
        intake.Slots.GetValueOrDefault(SlotNames.Phone) is { } phone && phone != NoPhone;

    private bool ApplyCorrection(DialogTurn turn, IntakeState intake)
    {
        var read = _corrections.Read(turn.Text, intake.Slots);
        if (read.Count == 0) return false;
        foreach (var (slot, match) in read) Fill(intake, slot, match, overwrite: true);
        turn.Say(_say.Changed(intake, read.Keys));
        if (PastWhenNote(intake) is { } note) turn.Say(Replies.Text(note));
        return true;
    }

    /// <summary>Whether a time told later says more precisely when within the time known ("明天早上八点" after "明天").</summary>
    private static bool Narrows(TimeWindow? told, TimeWindow? known) =>
        told is not null && known is not null && told.Start >= known.Start && told.End <= known.End && told.End - told.Start < known.End - known.Start;

    /// <summary>A correction on the summary that no field reads ("不是房顶 是厨房水管漏水"): what was wrong is in the
    /// description, so the correction goes into it in the user's words, for staff to read beside it.</summary>
    private bool CorrectDescription(DialogTurn turn, IntakeState intake)
    {
        var instead = Corrections.Instead(turn.Text);
        if (instead.Length == 0 || !intake.Slots.TryGetValue(SlotNames.Description, out var description)) return false;
        intake.Slots[SlotNames.Description] = $"{description}（更正：{turn.RawText.Trim()}）";
        turn.Say(Replies.Text($"好的，已更正：{instead}。"));
        return true;
    }

    /// <param name="overwrite">False when harvesting extra slots from an answer: those never replace what is known,
    /// and the description stays the first message.</param>
    private List<string> HarvestOthers(IntakeState intake, string pending, string text)
    {
        // A number typed alone while something else is asked is a new number to call: it replaces the one given before.
        var newNumber = pending != SlotNames.Phone && PhoneExtractor.LooksLikeNumber(text);
        var others = _extractors.ExtractStated(text)
            .Where(s => s.Key != pending && (!intake.Slots.ContainsKey(s.Key) || (newNumber && s.Key == SlotNames.Phone && intake.Slots[s.Key] != s.Value.Value)
                || (s.Key == SlotNames.When && Narrows(s.Value.Window, intake.When))))
            .ToList();
        // A time made more precise is no correction: the description keeps the words as said.
        foreach (var (slot, match) in others)
            Fill(intake, slot, match, overwrite: (newNumber && slot == SlotNames.Phone) || slot == SlotNames.When, corrects: slot != SlotNames.When);
        return others.Select(o => o.Key).ToList();
    }

    private static void Fill(IntakeState intake, string slot, SlotMatch match, bool overwrite, bool corrects = true)
    {
        if (!overwrite && (slot == SlotNames.Description || intake.Slots.ContainsKey(slot))) return;
        var old = intake.Slots.GetValueOrDefault(slot);
        if (slot == SlotNames.Address && old is not null) match = new SlotMatch(AddressEdits.Merge(old, match.Value));
        intake.Slots[slot] = match.Value;
        if (slot == SlotNames.When) intake.When = match.Window;
        // A correction also corrects the description staff read, so it never holds the old value; a value the bot
        // put in for what was not said (待电话确认) was never in it.
        if (corrects && old is not null && !BotPlaceholders.Contains(old) && old != match.Value && slot != SlotNames.Description && intake.Slots.TryGetValue(SlotNames.Description, out var description))
            intake.Slots[SlotNames.Description] = DescriptionEdits.Replace(description, slot, old, match.Value);
    }

    /// <summary>Drops a "when" that is already over and says so; the slot is then asked again.</summary>
    private string? PastWhenNote(IntakeState intake)
    {
        if (intake.When is not { } window || window.End > _time.GetLocalNow()) return null;
        var said = intake.Slots.GetValueOrDefault(SlotNames.When);
        // "每周六下午" is every Saturday, not the one that has just gone: the words stay, staff agree the first visit.
        if (said is not null && Recurring().IsMatch(said))
        {
            intake.When = null;
            return null;
        }
        intake.Slots.Remove(SlotNames.When);
        intake.When = null;
        return $"您说的时间「{said}」已经过去了，请说一个以后的时间，例如：明天上午、下周三。";
    }

    private bool IsQuestion(string text)
    {
        var (_, categoryScore) = _classifier.Classify(text);
        var scores = _intent.Score(text, hasPhone: false, hasAddress: false, categoryScore);
        // "那得交啥", "要钱不", "交给谁": short questions the cue weights miss, unless they only say the answer is not known.
        return scores.Question >= 2 || (scores.Question > 0 && text.Length > 4 && !scores.IsRequest)
            || (QuestionForm().IsMatch(text) && !Unsure().IsMatch(text));
    }

    private string? LabelledSlot(string text) =>
        _taxonomy.Slots.Values.FirstOrDefault(d => text.Contains(d.Label, StringComparison.Ordinal))?.Name;

    private CategoryDefinition? Category(IntakeState intake) => _taxonomy.Find(intake.Category);

    private static bool Urgent(IntakeState intake) => intake.Slots.GetValueOrDefault(SlotNames.Urgency) == SlotNames.Urgent;

    // Saying there is no number to give, or not wanting to give one.
    // "俺不知道俺的号 俺是老年机": a number not known is one that cannot be left, said once why it matters, as 不留 is.
    [GeneratedRegex(@"没有?(电话|手机|号)|不方便|不留|不想留|不用留|不给|留不了|没法留|别打|不要打|不接|不用手机|不会用|用不了|(不知道|不记得|记不住|记不清|忘了).{0,4}(号|电话|手机)|(号码?|电话|手机号?)(是)?(多少)?.{0,2}(不知道|不记得|记不住|记不清|忘了)")]
    private static partial Regex DeclinesPhone();

    [GeneratedRegex(@"每(个|一)?(天|日|礼拜|星期|周|月)|一(个)?(礼拜|星期|周|月).{0,3}[一两二三四五六七八九十几\d]+(次|趟|回)|隔(一)?天|天天")]
    private static partial Regex Recurring();

    [GeneratedRegex(@"再一个|另外|另一个|还有个|还有一个|还有件事|顺便|顺带|再就是|再有个|还想|也想|[，,。 ]还有(?![点些一])")]
    private static partial Regex AnotherNeed();

    [GeneratedRegex(@"登记吧|办吧|弄吧|那就登记|那就办|帮俺登记|给俺登记")]
    private static partial Regex GoAhead();

    [GeneratedRegex(@"越快越好|越早越好|尽快|尽早|(啥|什么)时候都(行|中|可以)|随时都(行|中|可以)|哪天都(行|中|可以)")]
    private static partial Regex SoonestWords();

    [GeneratedRegex(@"[?？]|[吗么呢][?？。!！~]*$|[^不没]不[?？。]*$|啥|什么|谁|多少|(?<![十百])几[个天块年月次岁号点]|咋|怎么|哪")]
    private static partial Regex QuestionForm();

    [GeneratedRegex(@"^(?:\p{IsCJKUnifiedIdeographs}{1,8}(?:村|庄|屯|社区|小区|街|路|巷|胡同)|(?<number>[0-9０-９一二三四五六七八九十]+(?:号院|号楼|号|单元|室|排)))$")]
    private static partial Regex AddressPiece();

    [GeneratedRegex(@"不知道|不清楚|说不清|说不好|记不清|不记得|不晓得|忘了")]
    private static partial Regex Unsure();
}
