using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Dialogs.Tests.Support;

/// <summary>Answers questions containing a known topic; everything else is "not covered".
/// <see cref="Gate"/> lets a test hold a question in flight to observe concurrency.</summary>
public sealed class FakeKnowledgeService : IKnowledgeService
{
    private int _inFlight;

    public static readonly Citation HardshipRule = new("doc-hardship", "困难职工帮扶救助管理办法", ["第二章", "第五条"], "家庭人均收入低于当地最低生活保障标准的职工，可申请困难帮扶。", 0.9);
    public static readonly Citation MedicalRule = new("doc-medical", "职工医疗互助办法", ["第三条"], "住院押金不予报销，出院结算后按比例补助。", 0.8);

    public int Calls { get; private set; }

    /// <summary>The questions asked, in order.</summary>
    public List<string> Questions { get; } = [];
    public int MaxConcurrent { get; private set; }
    public TaskCompletionSource? Gate { get; set; }
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<KnowledgeAnswer> AskAsync(string question, string asker, CancellationToken cancellationToken)
    {
        lock (Questions) Questions.Add(question);
        var now = Interlocked.Increment(ref _inFlight);
        lock (this)
        {
            Calls++;
            MaxConcurrent = Math.Max(MaxConcurrent, now);
        }
        Entered.TrySetResult();
        try
        {
            if (Gate is { } gate) await gate.Task;
            if (question.Contains("困难") || question.Contains("帮扶"))
                return new KnowledgeAnswer(true, "根据《困难职工帮扶救助管理办法》第二章第五条：家庭人均收入低于当地低保标准的职工可以申请。", [HardshipRule]);
            if (question.Contains("住院") || question.Contains("报销"))
                return new KnowledgeAnswer(true, "根据《职工医疗互助办法》第三条：住院押金不报销，出院后按比例补助。", [MedicalRule]);
            return new KnowledgeAnswer(false, "知识库里没有找到相关规定。", []);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
