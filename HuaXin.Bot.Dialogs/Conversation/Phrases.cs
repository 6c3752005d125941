using System.Text.RegularExpressions;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>Short replies the bot recognizes as commands. Matching ignores spaces, trailing punctuation and 吧/啊.</summary>
public static partial class Phrases
{
    public const string Confirm = "确认";
    public const string Change = "修改";
    public const string Cancel = "取消";
    public const string Skip = "跳过";
    public const string Helpful = "有用";
    public const string NotHelpful = "没用";
    public const string Handoff = "转人工";
    public const string MyRequests = "我的诉求";

    public const string Yes = "需要";
    public const string No = "不用了";

    private static readonly string[] CancelWords = ["取消", "算了", "不用了", "不要了", "不办了", "不弄了", "先不办了", "退出", "不需要了", "不用登记", "不登记了", "不用登记了", "不需要登记", "就问问", "我就问问", "只是问问", "就是问问", "我就是问问", "随便问问", "问问而已", "不用了谢谢", "算了不办了", "撤回", "撤销", "不提交了"];
    private static readonly string[] ConfirmWords = ["确认", "确定", "对", "对的", "没问题", "是的", "好的", "可以", "提交", "行", "嗯", "没错", "ok", "提交吧", "对提交吧", "确认提交", "没了", "没有了", "就这些", "就这样", "就这样吧", "对就这样", "就这样办", "那就这样", "那就这样办", "对就这样办", "没错提交吧", "中", "好", "好了", "都对", "对着呢", "对了", "嗯呐", "嗯哪", "妥了", "妥", "得劲", "好嘞", "中嘞", "成", "没毛病", "对头", "是哩", "管", "就这样着", "那就这样着"]; // 就这么着, as Core reads it
    private static readonly string[] DoneWords = ["就这些", "没有了", "没了", "没别的了", "没有别的了", "就这些没有别的了", "就这些没了", "就这样", "没有别的", "别的没有了", "暂时没有", "其他没有了"];
    private static readonly string[] SubmitCommandWords = ["提交", "对提交", "没错提交", "确认提交", "直接提交", "先提交", "提交了", "确认", "确定", "就这样提交"];
    private static readonly string[] SubmitWords = [.. SubmitCommandWords, "就这样", "对就这样", "就这样办", "那就这样办", "对就这样办"];
    private static readonly string[] AnyTimeWords = ["都行", "随时", "随时都行", "尽快", "越快越好", "啥时候都行", "什么时候都行", "哪天都行", "都可以", "越早越好", "早点", "快点", "尽早", "随便"];
    private static readonly string[] YesWords = ["需要", "要", "要的", "登记", "帮我登记", "给我登记", "登记吧", "好", "好的", "行", "可以", "嗯", "对", "是", "是的", "麻烦了", "麻烦你了", "麻烦您了", "麻烦恁了", "那麻烦你了", "那麻烦您了", "那麻烦恁了", "那好", "那行", "那中", "中", "需要登记", "帮我办", "办吧", "嗯呐", "嗯哪", "妥了", "好嘞", "中嘞", "成"];
    private static readonly string[] ChangeWords = ["修改", "改一下", "要改", "我要改", "不对", "有错", "不中"];
    private static readonly string[] SkipWords = ["跳过", "略过", "不填", "下一个", "没有", "无", "不用填"];
    private static readonly string[] UnknownWords = ["不知道", "不清楚", "不晓得", "不记得", "忘了", "说不好", "不确定", "不好说", "问我老伴", "我问问老伴", "得问问", "回头问问", "问问家里人", "我也不知道", "不太清楚"];
    private static readonly string[] HelpfulWords = ["有用", "有帮助", "有用的", "👍"];
    private static readonly string[] NotHelpfulWords = ["没用", "没有用", "没帮助", "不管用", "👎"];
    private static readonly string[] HandoffWords = ["转人工", "人工", "人工服务", "找人工", "人工客服"];
    private static readonly string[] MyRequestsWords = ["我的诉求", "查进度", "我的工单", "查诉求", "我提交的", "诉求进度", "我的申请", "查询进度", "查看进度", "进度", "办理进度", "查一下进度", "查询诉求"];
    private static readonly string[] GreetingWords = ["你好", "您好", "在吗", "在不在", "hi", "hello", "帮助", "菜单", "你能做什么", "你会啥", "你会什么", "有人吗", "早上好", "下午好", "晚上好", "你好啊", "哈喽", "开始", "吃了吗", "吃了没", "吃饭了吗", "吃饭了没"];
    private static readonly string[] ThanksWords = ["谢谢", "谢谢你", "多谢", "感谢", "好的谢谢", "知道了", "好的", "哈哈", "明白了", "收到", "拜拜", "再见"];

    /// <summary>Every short reply these words stand for: what people type to the bot's questions most of the time, so the
    /// danger recogniser (train-danger) learns them as everyday messages.</summary>
    public static IEnumerable<string> All =>
    [
        .. CancelWords, .. ConfirmWords, .. DoneWords, .. SubmitWords, .. AnyTimeWords, .. YesWords, .. ChangeWords, .. SkipWords,
        .. UnknownWords, .. HelpfulWords, .. NotHelpfulWords, .. HandoffWords, .. MyRequestsWords, .. GreetingWords, .. ThanksWords,
    ];

    /// <summary>Leaving: 取消, 算了, 不用了, and "我就是问问，不用登记" however it is put together.</summary>
    public static bool IsCancel(string text)
    {
        if (Is(text, CancelWords)) return true;
        var core = Core(text);
        // "算了不弄了", "算了 俺自己找个电工吧 不麻烦了": a short message that opens with 算了 or says it is not needed any more.
        return core.Length <= 20 && (DecliningWords.Any(w => core.Contains(w, StringComparison.Ordinal)) || GivesUp().IsMatch(core)
            // "不用了 俺妹妹能陪": not needed, and why.
            || NotNeededAnyMore().IsMatch(core)
            || (core.StartsWith("算了", StringComparison.Ordinal) && !core.StartsWith("算了算", StringComparison.Ordinal) && !core.StartsWith("算了一", StringComparison.Ordinal) && !core.StartsWith("算了下", StringComparison.Ordinal)
                // "算了还是一个礼拜来三回吧": a change of mind about what was said, not giving up ("算了还是不用了" is).
                && !(core.AsSpan(2).TrimStart("，, ").StartsWith("还是", StringComparison.Ordinal) && !PutsOff().IsMatch(core))));
    }

    private static readonly string[] DecliningWords = ["不用登记", "不登记", "就问问", "就是问问", "不办了", "不弄了", "不麻烦了", "不用麻烦", "不找了", "不修了", "不用来了", "不用派人", "取消吧", "说不用了", "不用了取消", "再想想", "考虑考虑", "回头再说", "以后再说", "拉倒", "先不说这个", "先不说了", "不说这个了"];
    [GeneratedRegex(@"^(不用|不要|不需要)(了|啦)|撤(了|回|掉)?吧")]
    private static partial Regex NotNeededAnyMore();

    // "俺不想弄了 太麻烦", "不打算申请了": not wanting to go on with it.
    [GeneratedRegex(@"不(想|要|打算|准备)(再)?(弄|办|登记|报|申请|整)了")]
    private static partial Regex GivesUp();

    public static bool IsDone(string text) => Is(text, DoneWords);

    /// <summary>Any time will do: 都行, 尽快, and "啥时候都中", "随便哪天都行", "哪会儿都成".</summary>
    public static bool IsAnyTime(string text) => Is(text, AnyTimeWords) || (Core(text).Length <= 10 && AnyTime().IsMatch(Core(text)));

    [GeneratedRegex(@"^(不急|不着急|不用急|没事)?(随便)?(啥|什么|哪)(时候|天|会儿|会|一天)?都(行|中|可以|成|好|管)[吧啊呀]?$|^随便(哪天|啥时候|什么时候)?[吧啊呀]?$")]
    private static partial Regex AnyTime();

    /// <summary>A yes, in so many words ("嗯呐", "中，给俺登记上吧") or several of them ("对 确认", "嗯嗯 好的").</summary>
    public static bool IsYes(string text) => Is(text, YesWords) || AllOf(text, YesWords) || AsksToRegister(text);

    public static bool IsConfirm(string text) => Is(text, ConfirmWords) || AllOf(text, ConfirmWords);

    /// <summary>A no to the bot's own yes-or-no offer: a cancel, or a bare "不用", "不需要", "不要", "不".</summary>
    public static bool IsNo(string text) => IsCancel(text) || text is "不用" or "不需要" or "不要" or "不";

    /// <summary>"给俺登记上吧", "那你帮我报一个": asks to have something taken down, without saying what.</summary>
    public static bool AsksToRegister(string text) => RegisterMe().IsMatch(OneAnswer(text));

    /// <summary>Asks for a person: 转人工, or "俺要跟真人说", "找个工作人员".</summary>
    public static bool IsHandoff(string text) =>
        Is(text, HandoffWords) || (Core(text).Length <= 16 && WantsPerson().IsMatch(Core(text)));

    /// <summary>"你们是正规的不", "不会是骗子吧": whether this is really the group's service.</summary>
    public static bool AsksIfGenuine(string text) => Core(text).Length <= 16 && IsItGenuine().IsMatch(Core(text));

    // Said of this service ("你们…", "这个…"), not of someone else ("家里来了个骗子").
    [GeneratedRegex(@"(你们|你|您|这个|这是|这)[^，,。]{0,6}(正规|骗子|骗人|靠谱|真的假的|可信|是真的吗|可靠)|^(正规吗|靠谱吗|真的假的|不会是骗|别是骗|该不会是骗)")]
    private static partial Regex IsItGenuine();

    [GeneratedRegex(@"不用|不要|不办|不弄|不麻烦|不登记|再说|以后|改天|自己(来|照顾|弄|修)")]
    private static partial Regex PutsOff();

    /// <summary>"俺自己找个电工吧", "不麻烦了": the need is seen to without the service, whatever else the words name.</summary>
    public static bool SeesToItThemselves(string text) => Themselves().IsMatch(text);

    [GeneratedRegex("自己|自个|不麻烦")]
    private static partial Regex Themselves();

    /// <summary>"俺男人在工地上出事，人没了": someone has died.</summary>
    public static bool TellsOfADeath(string text) => Death().IsMatch(text) && !NotDead().IsMatch(text);

    // "差点摔死了", "快累死了", "死了心": nobody died; nor in a case supposed ("俺爹要是去世了呢 有啥补助").
    [GeneratedRegex(@"差点|差一点|险些|没死|快.{0,2}死|要.{0,2}死|死了心|死了都|要是|如果|假如|万一|的话")]
    private static partial Regex NotDead();

    [GeneratedRegex(@"人没了|(?<!不)去世|过世|离世|病故|身亡|遇难|没(抢)?救过来|咽气|走得突然|(摔|砸|淹|烧|撞|电|压|病)死了|(男人|老伴儿?|老头子?|老婆|媳妇|丈夫|爹|娘|爸|妈|儿子|闺女|奶奶|爷爷|公公|婆婆)[^，。,]{0,8}(?<![累热冷气笑吓饿困急烦忙渴馋想愁疼痛乐美])死了|(老伴儿?|老头子?|老婆子?|男人|媳妇|爹|娘|爸|妈|奶奶|爷爷|姥姥|姥爷|公公|婆婆)(前些天|前几天|去年|上个?月)?没了|出事[^，。,]{0,2}没了")]
    private static partial Regex Death();

    /// <summary>Words in Latin letters only and no Chinese ("kunnan bangfu you sha tiaojian", "call me back"): pinyin
    /// typed with the input method off, or English; one word ("ok", "hello") is a greeting or an answer.</summary>
    public static bool OnlyLatinWords(string text) => LatinWords().IsMatch(text.Trim());

    [GeneratedRegex(@"^[A-Za-z]+(?:[ ,.?!'，。？！]+[A-Za-z]+)+[ .?!，。？！]*$")]
    private static partial Regex LatinWords();

    /// <summary>"你是机器人还是真人", "你是人吗": whether a person is answering.</summary>
    public static bool AsksIfBot(string text) => Core(text).Length <= 16 && IsItABot().IsMatch(Core(text));

    /// <summary>"你们这是啥破机器人 问啥都不会": annoyed with the bot itself, not asking about a robot.</summary>
    public static bool BlamesTheBot(string text) => Core(text).Length <= 24 && BotBlamed().IsMatch(Core(text));

    // Said of the bot ("你", "你们这", "机器人"), not of staff or of a broken appliance ("这破机器又坏了").
    [GeneratedRegex(@"(破|笨|傻|烂)机器人|(机器人|你们?这|你这|^你).{0,8}(没用|白搭|不管用|听不懂|答非所问|(啥|什么)(都|也)不会|问(啥|什么)(都|也)不(会|知道)|一问三不知)|^问(啥|什么)(都|也)不(会|知道)")]
    private static partial Regex BotBlamed();

    public static bool IsChange(string text) => Is(text, ChangeWords);

    /// <summary>An explicit confirm or submit ("确认", "提交吧"), as opposed to an acknowledgement ("好的", "行").</summary>
    public static bool IsSubmitCommand(string text) => Is(text, SubmitCommandWords);
    public static bool IsSkip(string text) => Is(text, SkipWords);
    public static bool IsUnknown(string text) => Is(text, UnknownWords);
    public static bool IsHelpful(string text) => Is(text, HelpfulWords);
    public static bool IsNotHelpful(string text) => Is(text, NotHelpfulWords);
    public static bool IsMyRequests(string text) => Is(text, MyRequestsWords);

    /// <summary>How people ask after a request in their own words: 办到哪了, 俺那事办得咋样了, 有信儿了没. Only a short
    /// message: a longer one that says 办到哪 is usually a question about a procedure.</summary>
    public static bool AsksAfterRequest(string text) => Core(text).Length <= 16 && AskingAfterRequest().IsMatch(Core(text));

    public static bool IsGreeting(string text) => Is(text, GreetingWords) || (Core(text).Length <= 12 && WhatCanYouDo().IsMatch(Core(text)));

    // "那你会干啥", "恁能帮俺干点啥", "有啥能帮的不": what the bot can do.
    [GeneratedRegex(@"^(那|那么)?(你|您|恁)(都|还)?(会|能)(帮俺|帮我|帮咱)?(干|做|办)(点)?(啥|什么|些啥|些什么)(呀|啊|呢)?[?？]?$|^(有)?啥能帮(的|俺|我)(不|吗)?[?？]?$")]
    private static partial Regex WhatCanYouDo();

    /// <summary>"提交吧 / 确认 / 就这样吧" while the bot is still asking: the user wants to finish with what is given.</summary>
    public static bool IsSubmit(string text) => Is(text, SubmitWords);

    /// <summary>Thanks and small talk that need no action (谢谢, 好的 知道了).</summary>
    public static bool IsThanks(string text)
    {
        var core = Core(text);
        return core.Length <= 12 && ThanksWords.Any(w => core.StartsWith(w, StringComparison.Ordinal)) && !core.Contains('?');
    }

    // "算了" and "算了吧" both cancel, so words match with and without trailing particles.
    private static bool Is(string text, string[] words)
    {
        var core = OneAnswer(text);
        return words.Contains(core, StringComparer.OrdinalIgnoreCase)
            || words.Contains(core.TrimEnd('吧', '啊', '呀', '哈', '的'), StringComparer.OrdinalIgnoreCase);
    }

    // The whole message is a run of the listed words ("对确认", "嗯嗯好的"), read longest first.
    private static bool AllOf(string text, string[] words)
    {
        var core = OneAnswer(text).TrimEnd('吧', '啊', '呀', '哈');
        if (core.Length == 0 || core.Length > 12) return false;
        var at = 0;
        while (at < core.Length)
        {
            var word = words.Where(w => w.Length > 0 && core.AsSpan(at).StartsWith(w, StringComparison.OrdinalIgnoreCase)).MaxBy(w => w.Length);
            if (word is null) return false;
            at += word.Length;
        }
        return true;
    }

    /// <summary>"唉 还是弄吧", "接着办": the request just cancelled is wanted after all.</summary>
    public static bool AsksToResume(string text) => Core(text).Length <= 14 && Resume().IsMatch(OneAnswer(text));

    // "哎呀 取消错了 还是要办": the cancel was a slip.
    [GeneratedRegex(@"^(唉|哎|哎呀|那|那个|算了)?((取消|点|按|弄|说)错了)?(我|俺)?(还是|接着|继续|又想)(要|得)?(给我|给俺|帮我|帮俺)?(弄|办|登记|报|申请)(吧|一下|上|了)?(吧|呗)?$")]
    private static partial Regex Resume();

    [GeneratedRegex(@"^(那|那就|就|中|行|好|嗯)?(你|您)?(就)?(给|帮|替)?(俺|我|咱)?(登记|报|办|申请)(上|一下|一个|个)?(吧|呗|啊)?$")]
    private static partial Regex RegisterMe();

    [GeneratedRegex(@"(跟|和|找|要|转|换|叫)(个)?(真人|人工|客服|工作人员|活人)|(真人|人工|客服|工作人员)(说|聊|来|接)")]
    private static partial Regex WantsPerson();

    [GeneratedRegex(@"(你|您|恁)是(不是)?(个)?(机器人|真人|人工|人吗|ai|AI)|机器人还是(真)?人|是不是(个)?机器|^(你|您|恁)(叫|是)(啥|什么|谁)(名|名字)?(啊|呀)?[?？]?$")]
    private static partial Regex IsItABot();

    [GeneratedRegex(@"(办|弄|处理|搞)(得|的)?到(哪|啥|什么)(了|一步|程度|儿)|(办|弄|处理|搞)(得|的)(怎么样|咋样|如何)了?|有(信儿?|消息|回音|回信|回复)(了)?(吗|没|不|没有)|(俺|我)的(事|事儿|诉求)(咋样|怎么样|咋回事)|(俺|我)(提交|报)的|(俺|我)?那个单子|到底有没有人管")]
    private static partial Regex AskingAfterRequest();

    /// <summary>"接下来咋弄", "然后呢", "下一步干啥": what happens next with the matter at hand.</summary>
    public static bool AsksWhatNext(string text) => Core(text).Length <= 10 && WhatNext().IsMatch(Core(text));

    [GeneratedRegex(@"^(那|那么)?(接下来|然后|下一步|再往后)(呢|咋弄|咋办|怎么办|怎么弄|干啥|做啥|干什么|做什么)?(呢|啊|呀)?[?？]?$")]
    private static partial Regex WhatNext();

    /// <summary>"还要等多久", "啥时候来人", "查一下": about a submitted request when there is one; otherwise they may ask
    /// about the answer just given.</summary>
    public static bool AsksWhenHelpComes(string text) => Core(text).Length <= 12 && WhenHelpComes().IsMatch(Core(text));

    [GeneratedRegex(@"^(还要|还得|得|要)等(多久|多长时间|几天)|(啥|什么)时候(来人|派人|能来|来|有人来|有人联系)|^查一?下[吧呗]?$")]
    private static partial Regex WhenHelpComes();

    // "对，提交吧" and "就这些，没有别的了" are one answer: commas between its parts do not matter.
    private static string OneAnswer(string text) => Core(text).Replace("，", "").Replace(",", "").Replace("、", "");

    // "就这么办" is "就这样办".
    private static string Core(string text) =>
        text.Replace(" ", "").Replace("这么", "这样").TrimEnd('。', '.', '!', '~', '～', ',', '、');
}
