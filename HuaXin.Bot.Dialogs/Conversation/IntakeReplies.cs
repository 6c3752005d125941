using System.Globalization;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>What the intake says: prompts with examples, the summary to confirm, and the submitted ticket.</summary>
public sealed class IntakeReplies(Taxonomy taxonomy, TimeProvider time)
{
    private static readonly string[] SummaryOrder = [SlotNames.Relation, SlotNames.City, SlotNames.Address, SlotNames.When, SlotNames.Urgency, SlotNames.Phone, SlotNames.Description];

    public OutboundMessage Prompt(string slot, bool optional)
    {
        var d = taxonomy.Slots[slot];
        return optional
            ? Replies.Text($"{WithExample(d)}（不填可以回复「{Phrases.Skip}」）", Phrases.Skip, Phrases.Cancel)
            : Replies.Text(WithExample(d), Phrases.Cancel);
    }

    public OutboundMessage NotUnderstood(string slot)
    {
        var d = taxonomy.Slots[slot];
        return Replies.Text($"没太听明白。{WithExample(d)}", Phrases.Cancel);
    }

    public OutboundMessage PhoneAwaited(bool again) => again
        ? Replies.Text("还差一个联系电话，承办部门要打电话跟您核实、约时间：直接打出号码的数字就行。不方便留的话，回复「不留」也能办，工作人员会在这里跟您联系。", "不留", Phrases.Cancel)
        : Replies.Text($"好的，请直接把电话号码发过来就行，例如：{taxonomy.Slots[SlotNames.Phone].Example}", Phrases.Cancel);

    public OutboundMessage BadPhone() => Replies.Text(
        $"这个号码好像不对，请再发一次：手机号是1开头的11位数字，座机请带区号，例如：{taxonomy.Slots[SlotNames.Phone].Example}。", Phrases.Cancel);

    /// <summary>Why a required answer matters, and, truthfully, what happens if it is declined again: the request goes
    /// on and staff settle it (<paramref name="callBack"/>: on the call; without a phone: in this chat).</summary>
    public OutboundMessage RequiredExplained(string slot, bool callBack)
    {
        var d = taxonomy.Slots[slot];
        var otherwise = slot == SlotNames.Phone
            ? "实在不方便留，再回一句「不留」也能办，工作人员会在这里跟您联系。"
            : callBack
                ? "实在说不上来，再回一句「不知道」，工作人员打电话时再跟您确认。"
                : "实在说不上来，再回一句「不知道」，工作人员会在这里跟您核实。";
        return Replies.Text($"「{d.Label}」最好能告诉我们：{d.Why}\n{WithExample(d)}\n{otherwise}", Phrases.Cancel, Phrases.Handoff);
    }

    public OutboundMessage ConfirmedByPhone(string slot) =>
        Replies.Text($"好的，{taxonomy.Slots[slot].Label}等工作人员打电话时再跟您确认。");

    public OutboundMessage Resume() => Replies.Text("我们接着办刚才的事。");

    /// <summary>"接下来咋弄", "啥时候有人来" while a request is being taken down: what happens after it is submitted.</summary>
    public OutboundMessage WhatNext(CategoryDefinition? category, bool urgent, bool confirming)
    {
        if (category is null) return Replies.Text("先说说是哪方面的事，我帮您登记好，您确认提交后，就转给承办部门联系您。");
        var contact = $"{category.Department}会在{category.FirstContactWithin(urgent).TotalHours.ToString("0.#", CultureInfo.InvariantCulture)}小时内联系您";
        return confirming
            ? Replies.Text($"您回复「{Phrases.Confirm}」就提交了，提交后{contact}。", Phrases.Confirm, Phrases.Change, Phrases.Cancel)
            : Replies.Text($"我正在帮您登记「{category.Name}」。下面几个问题答完，您确认提交后，{contact}。");
    }

    public OutboundMessage ChooseCategory() =>
        Replies.Text("请问是哪方面的事？可以直接点选，或说说具体情况。", taxonomy.Categories.Select(c => c.Name).ToArray());

    public OutboundMessage Summary(IntakeState intake, CategoryDefinition category)
    {
        var facts = new List<CardFact> { new("类别", category.Name), new("承办部门", category.Department) };
        facts.AddRange(SummaryOrder.Where(intake.Slots.ContainsKey).Select(s => new CardFact(taxonomy.Slots[s].Label, s == SlotNames.When ? Dated(intake) : intake.Slots[s])));
        return Replies.Card(CardKinds.Summary, "请核对您的诉求", $"信息无误请点「{Phrases.Confirm}」提交。", facts, Phrases.Confirm, Phrases.Change, Phrases.Cancel);
    }

    public OutboundMessage ConfirmHint() => Replies.Text(
        $"请核对上面的信息：没问题请回复「{Phrases.Confirm}」，要改请回复「{Phrases.Change}」，不办了请回复「{Phrases.Cancel}」。",
        Phrases.Confirm, Phrases.Change, Phrases.Cancel);

    public OutboundMessage WhatToChange(IntakeState intake)
    {
        var labels = SummaryOrder.Where(intake.Slots.ContainsKey).Select(s => taxonomy.Slots[s].Label).Append("类别").ToArray();
        return Replies.Text("要改哪一项？可以直接说，例如：电话改成13912345678、地址改成阳光小区5号楼。", labels);
    }

    public OutboundMessage Changed(IntakeState intake, IEnumerable<string> slots)
    {
        var changed = slots.Where(intake.Slots.ContainsKey).Select(s => $"{taxonomy.Slots[s].Label}：{intake.Slots[s]}");
        return Replies.Text($"已改好。{string.Join("，", changed)}");
    }

    public OutboundMessage Kept(IntakeState intake, IEnumerable<string> slots) =>
        Replies.Text($"已记下。{string.Join("，", slots.Select(s => $"{taxonomy.Slots[s].Label}：{intake.Slots[s]}"))}");

    public OutboundMessage Submitted(CreatedRequest created, CategoryDefinition category, TimeSpan within)
    {
        var promised = time.Short(created.PromisedContactBy);
        var hours = within.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
        return Replies.Card(CardKinds.Receipt, "诉求已提交",
            $"{category.Department}会在 {promised} 前联系您（承诺{hours}小时内首次联系），一般{category.ResolutionText}内办结。发送「{Phrases.MyRequests}」可查看进度。",
            [new CardFact("编号", created.Number), new CardFact("类别", category.Name), new CardFact("承办部门", category.Department), new CardFact("最晚联系时间", promised)],
            Phrases.MyRequests);
    }

    /// <summary>The time as said, with the dates it was read as ("明天下午（12月6日 周日）"): the family checks the day on
    /// the summary, and staff reading the ticket days later know which 明天 was meant.</summary>
    public string Dated(IntakeState intake)
    {
        var said = intake.Slots[SlotNames.When];
        if (intake.When is not { } window) return said;
        var start = TimeZoneInfo.ConvertTime(window.Start, time.LocalTimeZone);
        // The window ends at midnight after its last day, or at the hour it ends.
        var last = TimeZoneInfo.ConvertTime(window.End, time.LocalTimeZone).AddTicks(-1);
        var dates = start.Date == last.Date
            ? $"{Day(start)}{(start.TimeOfDay != TimeSpan.Zero && window.End - window.Start <= TimeSpan.FromHours(1) ? start.ToString(" HH:mm", CultureInfo.InvariantCulture) : "")}"
            : $"{Day(start)}至{Day(last)}";
        return $"{said}（{dates}）";
    }

    private static string Day(DateTimeOffset at) =>
        $"{at.ToString("M月d日", CultureInfo.InvariantCulture)} {WeekDays[(int)at.DayOfWeek]}";

    private static readonly string[] WeekDays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    // "哪个城市？例如：…" reads better than "哪个城市？，例如：…".
    private static string WithExample(SlotDefinition d) =>
        d.Prompt.EndsWith('？') ? $"{d.Prompt}例如：{d.Example}" : $"{d.Prompt}，例如：{d.Example}";
}
