using System.Globalization;
using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Safety;

/// <summary>Recognises a message saying someone is in danger now. The taxonomy's cues are the floor (taxonomy.yaml
/// "danger": a cue counts unless its own sentence puts it in the past, or the message asks about policy, and no word
/// says "now"); what they miss, the fitted model (danger-model.json) catches when its chance of danger reaches the
/// threshold cross-validation chose for recall. A miss can cost a life, so it is cue OR model; the model names the kind.</summary>
public sealed partial class DangerDetector
{
    private readonly DangerRules _rules;
    private readonly DangerModel? _model;
    private readonly DangerFeatures? _features;
    private readonly (DangerDetector Detector, ISoundSpelling Spelling)? _sound;

    /// <summary>The cues alone.</summary>
    public DangerDetector(DangerRules rules) => _rules = rules;

    /// <summary>The cues, and the fitted model behind them when there is one; with <paramref name="sound"/>, also the
    /// cues read by sound when nothing else found danger.</summary>
    public DangerDetector(Taxonomy taxonomy, DangerModel? model, ISoundSpelling? sound = null) : this(taxonomy.Danger)
    {
        if (sound is not null) _sound = (new DangerDetector(BySound(_rules, sound)), sound);
        if (model is null) return;
        _model = model;
        _features = new DangerFeatures(taxonomy, model.Buckets);
        model.EnsureMatches(_features, _rules.Kinds.Select(k => k.Kind));
    }

    /// <param name="answersBot">The message answers a question the bot just asked (a step of a request, an offer).</param>
    /// <param name="ongoing">The kind of an emergency told in the last half hour: what follows is most likely about it.</param>
    public DangerSignal? Detect(string text, bool answersBot = false, string? ongoing = null) =>
        DetectAsTyped(text, answersBot, ongoing) ?? DetectBySound(text);

    private static bool PersonHurt(string kind) => kind is "medical" or "accident" or "urgent_care";

    private DangerSignal? DetectAsTyped(string text, bool answersBot, string? ongoing)
    {
        var compact = Compact(text);
        if (compact.Length == 0) return null;
        var signs = HarmSigns.In(compact, _rules);
        var byCues = DetectByCues(compact, signs);
        if (_model is null || (answersBot && OnlyDeclines(compact))) return byCues;
        var x = _features!.Build(compact, signs);
        var (danger, kind) = _model.Score(x);
        var modelKind = _rules.Kinds.First(k => k.Kind == kind);
        // The cues say whether; the model, weighing the whole message, names the kind (an electric shock is an
        // accident, not a fire) when it sees danger itself: below its threshold its likeliest kind is noise ("俺爹得了脑梗
        // 俺在外地回不去" read as violence). Self-harm named is never traded for another kind. Nor is a kind the model
        // was never shown (a missing old person is not a medical emergency), unless the model finds self-harm more
        // likely than not: someone gone after a goodbye ("发朋友圈说孩子交给妈了 人找不到了" 0.96; the missing elderly
        // and children of the tests 0.09 at most).
        // A cue of the emergency being told ("嘴歪了" after "俺婆婆倒地上了叫不醒") goes on with it, not renamed.
        // Nor, when a first-aid step for a hurt person holds (someone shocked, bleeding, poisoned), to a kind whose steps
        // send the family away from that person: "被电着了 倒地上不动了" read as a fire told them to leave the house.
        if (byCues is not null)
            return byCues.Kind.Kind == SelfHarm || byCues.Kind.Kind == ongoing || danger < _model.Threshold
                || (!_model.Knows(byCues.Kind.Kind) && !(kind == SelfHarm && _model.Chance(x, SelfHarm) > 0.5))
                || (kind is "fire" or "gas" or "disaster" or "violence" && PersonHurt(byCues.Kind.Kind) && !modelKind.Cues.IsMatch(compact) && _rules.FirstAidFor(compact).Any())
                ? byCues : byCues with { Kind = modelKind };
        // Said to be over with nothing urgent ("电饭锅冒烟了 拔了插头 现在没事了"), as the cues dismiss it: the numbers, no
        // urgent ticket. Self-harm is never taken for over ("我不想再醒过来了"). Nor is the model alone a new emergency
        // while one is being told ("找到了，在邻居家呢" after a missing person): the message goes to that one. Nor in an
        // answer to the bot's own question ("地址俺也记不清了 在农村"): the model learnt from messages that open a
        // conversation, and an emergency told mid-request names itself with a cue.
        var over = kind != SelfHarm && _rules.Over.IsMatch(compact) && !_rules.Immediate.IsMatch(compact);
        var past = kind != SelfHarm && _rules.Past.IsMatch(compact) && !_rules.Now.IsMatch(compact) && !_rules.Immediate.IsMatch(compact);
        return danger >= _model.Threshold
            ? new DangerSignal(modelKind, string.Create(CultureInfo.InvariantCulture, $"model {danger:F2}"),
                Weak: danger < SureScore || over || past || answersBot || (ongoing is not null && kind != SelfHarm)) { ByModel = true }
            : null;
    }

    /// <summary>The model's threshold is set for recall (cross-validated recall of cue OR model ≥ 0.98), so just above it
    /// sit everyday messages: "俺男人在新疆 家里就俺跟孩子" 0.19, "我奶奶住在临沂沂水县" 0.19, "都两天了还没人打电话" 0.18.
    /// Every danger message the model alone found in its training files scored 0.5 or more; of the 19 everyday messages
    /// it flagged there, 8 scored below 0.3. Below this a model-only signal is weak.</summary>
    public const double SureScore = 0.3;

    /// <summary>The cues matched on how the message sounds, with the same rules for past, policy and stories. A match
    /// counts for pinyin (zhe huo le), or for words as typed that are no word of Chinese and one wrong character of the
    /// same sound away from the cue (着伙, 没乎吸): "两个小时" is not 消失, "这活" is not 着火, "食堂起伙" is not 起火.</summary>
    private DangerSignal? DetectBySound(string text)
    {
        if (_sound is not { } sound) return null;
        var spelled = sound.Spelling.Spell(text);
        var compact = Compact(spelled.Text);
        if (compact.Length == 0) return null;
        // Cues only, every match in turn (the first may be a seam, a later one the typo): the two signs of self-harm
        // are phrases, not words a typo hides.
        var heard = sound.Detector;
        var urgent = heard._rules.Immediate.IsMatch(compact);
        // BySound keeps the kinds in order: each heard kind stands for the written one at its place.
        foreach (var (heardKind, kind) in heard._rules.Kinds.Zip(_rules.Kinds))
        {
            foreach (Match cue in heardKind.Cues.Matches(compact))
            {
                if (cue.Length == 0 || cue.Length > MaxSoundCue || (!urgent && heard.Dismissed(compact, cue, heardKind))) continue;
                for (var at = spelled.Text.IndexOf(cue.Value, StringComparison.Ordinal); at >= 0;
                     at = spelled.Text.IndexOf(cue.Value, at + 1, StringComparison.Ordinal))
                {
                    var (from, to) = (spelled.Start[at], spelled.End[at + cue.Length - 1]);
                    if (Typed(text, from, to, kind, sound.Spelling)) return new DangerSignal(kind, text[from..to]);
                }
            }
        }
        return null;
    }

    /// <summary>Whether the typed words are the cue typed by sound: pinyin, or a non-word of two characters or more
    /// before its particles and pronouns (a one-character verb with them is typed right however it sounds: 淌了 is not
    /// 烫了, 躺着 not 烫着, 替他 not 踢他), no seam of two words, one sound-alike character from the cue as written.</summary>
    private static bool Typed(string text, int from, int to, DangerKind kind, ISoundSpelling sound)
    {
        var typed = text[from..to];
        if (kind.Cues.IsMatch(typed)) return false;
        return typed.Any(char.IsAsciiLetter)
            || (typed.TrimEnd(Trailing).Length >= 2 && !sound.IsWord(typed) && !CrossesWord(text, from, to, sound)
                && OneSoundAway(typed, kind, sound));
    }

    // Cue words are short; a longer match spans a pattern's gap, where sounds alike say nothing.
    private const int MaxSoundCue = 4;

    /// <summary>Whether a word of Chinese overlaps the span without lying inside it: the span is then the seam of two
    /// words ("脾气火爆" holds 气火, which sounds like 起火) or part of a longer one, not a word typed wrong.</summary>
    private static bool CrossesWord(string text, int from, int to, ISoundSpelling sound)
    {
        for (var start = Math.Max(0, from - 3); start < to; start++)
        {
            for (var end = Math.Max(start + 2, from + 1); end <= Math.Min(text.Length, start + 4); end++)
            {
                if (start >= from && end <= to) continue;
                // A particle after the word (吸了) or before it does not make a seam.
                var outside = text[start..Math.Max(start, from)] + text[Math.Min(end, to)..end];
                if (!outside.All(Particles.Contains) && sound.IsWord(text[start..end])) return true;
            }
        }
        return false;
    }

    private const string Particles = "了的过吗呢啊吧呀么";

    // What follows a verb without being part of it: the particles, the aspect marker 着, object pronouns.
    private static readonly char[] Trailing = [.. Particles + "着我你他她它俺咱们"];

    private static bool OneSoundAway(string typed, DangerKind kind, ISoundSpelling sound)
    {
        var chars = typed.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var own = chars[i];
            foreach (var other in sound.SoundAlike(own))
            {
                chars[i] = other;
                if (kind.Cues.IsMatch(new string(chars))) return true;
            }
            chars[i] = own;
        }
        return false;
    }

    private static DangerRules BySound(DangerRules rules, ISoundSpelling sound)
    {
        Regex Spell(Regex regex)
        {
            try
            {
                return new(sound.SpellPattern(regex.ToString()), regex.Options);
            }
            catch (ArgumentException)
            {
                // A character range ([一-龥]) spelled by sound can turn around; that pattern is then read as written.
                return regex;
            }
        }
        return rules with
        {
            Kinds = rules.Kinds.Select(k => k with { Cues = Spell(k.Cues) }).ToList(),
            Past = Spell(rules.Past), Policy = Spell(rules.Policy), Immediate = Spell(rules.Immediate), Now = Spell(rules.Now),
            Over = Spell(rules.Over), Self = Spell(rules.Self), Habitual = Spell(rules.Habitual), Calm = Spell(rules.Calm),
            Story = Spell(rules.Story),
        };
    }

    /// <summary>A short reply that declines ("先不登记了", "不用了，谢谢"): said to the bot's own question it refuses the
    /// question, not life, so only the cues (which name danger in words) can raise it.</summary>
    private bool OnlyDeclines(string compact) => compact.Length <= MaxDeclineLength && _rules.Declines.IsMatch(compact);

    private const int MaxDeclineLength = 12;

    /// <summary>Spaces stand for the commas people do not type.</summary>
    public static string Compact(string text) => Whitespace().Replace(text.Trim(), "，");

    /// <summary>Without the clause marks, for the signs of self-harm: "想 结束 这一切" and pinyin typed word by word
    /// ("wo bu xiang huo le") are one phrase.</summary>
    internal static string Unbroken(string compact) => compact.Replace("，", "", StringComparison.Ordinal);

    /// <summary>The cue rules alone, on a message <see cref="Compact"/> has prepared and the signs of self-harm it shows.</summary>
    public DangerSignal? DetectByCues(string compact, HarmSigns signs)
    {
        var urgent = _rules.Immediate.IsMatch(compact);
        foreach (var kind in _rules.Kinds)
        {
            foreach (Match cue in kind.Cues.Matches(compact))
            {
                if (urgent || !Dismissed(compact, cue, kind)) return new DangerSignal(kind, cue.Value);
            }
        }
        return BySigns(compact, signs);
    }

    /// <summary>Two different signs of whether (taxonomy danger.harm_floor: hopeless, a burden, a goodbye…) say self-harm
    /// without its usual words ("以后不麻烦大家了 再见"), unless something calms them or the sentence is in the past.</summary>
    private DangerSignal? BySigns(string compact, HarmSigns signs)
    {
        var floor = signs.FloorShown;
        if (floor.Count < 2 || _rules.Calm.IsMatch(compact)) return null;
        if (_rules.Past.IsMatch(compact) && !_rules.Habitual.IsMatch(compact)) return null;
        return new DangerSignal(_rules.Kinds.First(k => k.Kind == SelfHarm), string.Join('+', floor));
    }

    private bool Dismissed(string text, Match cue, DangerKind kind)
    {
        // "油锅起火 已经盖灭了 没事了": over, however recent. Self-harm is never taken for over.
        if (kind.Kind != SelfHarm && _rules.Over.IsMatch(text)) return true;
        // "晕倒过", "着过火": happened before.
        if (_rules.Now.IsMatch(Around(text, cue.Index, ClauseEnds))) return false;
        if (cue.Index + cue.Length < text.Length && text[cue.Index + cue.Length] == '过') return true;
        var sentence = Around(text, cue.Index, SentenceEnds);
        // "最近老觉得活着没意思": a habit of thought goes on now, unless the message says it has passed.
        if (kind.Kind == SelfHarm && _rules.Habitual.IsMatch(sentence) && !_rules.Over.IsMatch(text)) return false;
        if (_rules.Past.IsMatch(sentence)) return true;
        // Someone speaking of ending their life is never a policy question; but a story on a screen, in a game or from
        // far away ("电视剧里那个女的跳楼了") is not the speaker's, unless the speaker is in the cue's own clause and the
        // story is not.
        if (kind.Kind == SelfHarm)
        {
            var clause = Around(text, cue.Index, ClauseEnds);
            return _rules.Story.IsMatch(clause) || (_rules.Story.IsMatch(sentence) && !_rules.Self.IsMatch(clause));
        }
        return _rules.Policy.IsMatch(text);
    }

    private static string Around(string text, int at, char[] ends)
    {
        var start = at == 0 ? 0 : text.LastIndexOfAny(ends, at - 1) + 1;
        var end = text.IndexOfAny(ends, at);
        return text[start..(end < 0 ? text.Length : end)];
    }

    public const string SelfHarm = "self_harm";

    private static readonly char[] SentenceEnds = ['。', '！', '？', '!', '?', '；', ';'];
    internal static readonly char[] ClauseEnds = [.. SentenceEnds, '，', ',', '、'];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <param name="Cue">The words that gave it away, or the model's chance of danger.</param>
/// <param name="Weak">Only the model saw danger, and only just (<see cref="DangerDetector.SureScore"/>): the message
/// gets the emergency numbers first, but no urgent ticket is opened on it.</param>
public sealed record DangerSignal(DangerKind Kind, string Cue, bool Weak = false)
{
    /// <summary>No cue named it: the fitted model alone saw danger in the message.</summary>
    public bool ByModel { get; init; }
}
