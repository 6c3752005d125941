using System.Diagnostics;
using System.Text.RegularExpressions;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge.Ranking;
using HuaXin.Bot.Knowledge.Search;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Knowledge.Answering;

/// <summary>Answers with the sentences of the best clause that answer the question and where they are from, offers the
/// next clauses as related questions, reads a follow-up in the conversation's topic, and otherwise says plainly which
/// topic the knowledge base does not cover and records the question for the document owners.</summary>
public sealed partial class KnowledgeService(
    IKnowledgeSearch search,
    KnowledgeIndexStore store,
    IDbContextFactory<HuaXinDbContext> dbFactory,
    TimeProvider time,
    ILogger<KnowledgeService> logger,
    ICuratedAnswers curated) : IKnowledgeService
{
    private const int Top = 3;

    // A clause of another document is offered beside the answer only when it scores near the answer: on the dev set and
    // real-laws the weak ones (a medical-aid clause under a college-grant answer) were mostly from documents the question
    // was not about, while the same document's next clauses nearly always were.
    private const double RelatedShare = 0.3;

    public Task<KnowledgeAnswer> AskAsync(string question, string asker, CancellationToken cancellationToken) =>
        AskAsync(question, asker, null, cancellationToken);

    public async Task<KnowledgeAnswer> AskAsync(string question, string asker, KnowledgeTopic? topic, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // A question staff pinned to a clause (知识库维护 → 问题库) is answered from that clause, before any search.
        if (curated.Find(question) is { } pinned)
        {
            return new KnowledgeAnswer(true, AnswerComposer.Compose(pinned.Text, pinned, null), [pinned]) { Lead = pinned.Text };
        }
        var snapshot = store.Current;
        // A tapped related question names its clause: 《title》第十条.
        if (Lookup(question, snapshot) is { } named)
        {
            return Answer(new KnowledgeSearchResult([new ScoredChunk(named, 1, 1, 0, 0) { Confident = true }], true, []), snapshot, null, question, whole: true);
        }
        var result = await search.SearchAsync(question, Top, cancellationToken);
        KnowledgeTopic? assumed = null;
        // A new topic needs both a topic word the earlier document lacks and a confident answer elsewhere ("困难帮扶咋申请"
        // after an answer on 探亲假), or a noun the corpus never mentions; a rare word alone ("钱多久能到账") is more often the
        // follow-up's own wording than a new subject, and so is an unseen verb ("多久能批下来"). A question no document
        // covers whose missing word is a noun ("公司给交公积金吗") asks about that thing, not about the earlier answer,
        // unless the noun only names what is asked for ("要带啥证件", "交哪些单子") or sits in the background ("他在外地
        // 俺在老家，咋交上去"). So does one that names, by its title's own words, a document the search finds for it
        // ("困难帮扶咋申请" after an answer on 探亲假), typed or as the search read them; title words that lead the search
        // nowhere else are the follow-up's own, as round 25's blind follow-up sets showed.
        var confident = result is { Covered: true, Matched: true };
        var newSubject = !confident && result.MissingTopic is { } missing && ChineseWords.IsNoun(missing)
            && !(topic is not null && OwnWording(question, missing));
        if (topic is not null && !result.UncoveredNoun && !newSubject && !(confident && NamesAnotherTopic(result.Units, topic.DocId, snapshot.Bm25))
            && !snapshot.Plain.NamesTitleOf(question, result.Units.SelectMany(u => u.Alternatives).SelectMany(a => a.Terms), topic.DocId, result.Hits.Select(h => h.Chunk.DocId)))
        {
            // The document the conversation is about is the one the last question and this one find together: it mends a
            // last answer from the wrong document, as plain BM25 over both questions does.
            var docId = topic.Question is { } before
                && await search.SearchAsync($"{before} {question}", Top, cancellationToken) is { Covered: true, Matched: true, Hits: [var joint, ..] }
                ? joint.Chunk.DocId : topic.DocId;
            var within = search.Search(question, Top, docId);
            if (within.Hits.Count > 0)
            {
                // Said only when the topic changed the answer: a question that found the same document alone needs no note.
                assumed = result.Covered && result.Hits[0].Chunk.DocId == docId ? null
                    : docId == topic.DocId ? topic : new KnowledgeTopic(docId, within.Hits[0].Chunk.Title, "", topic.Question);
                result = within with { Covered = true };
            }
        }
        // A number asked for that the best clause does not state: it is near, not the answer, even when a clause further
        // down states some number (a fine under a question on a contribution rate); the clauses are offered as related.
        // Said so also when the answer head refused them and the question names nothing the corpus lacks.
        var normalized = TextNormalizer.Normalize(question);
        var unit = result.Hits.Count > 0 ? AskedNumber.Asked(normalized) : null;
        bool States(ScoredChunk hit) => AskedNumber.Stated(snapshot.Plain.Whole(hit.Chunk).Text, unit!);
        // A number to dial answers by itself, whatever else its clause is about: the clause that gives it leads, when it
        // names something the question does besides the number ("报修电话" and the clause with the repair line); one that
        // only shares the word 电话 gives another office's number.
        if (unit == AskedNumber.Phone && !States(result.Hits[0])
            && result.Hits.FirstOrDefault(h => States(h) && NamesMoreThanTheNumber(h, result.Units, snapshot.Plain)) is { } dialled)
        {
            result = result with { Hits = [dialled, .. result.Hits.Where(h => h != dialled)] };
        }
        var numberNotStated = unit is not null && !States(result.Hits[0]) && !AskedNumber.AskedAfterAnotherQuestion(normalized, snapshot.Plain.Whole(result.Hits[0].Chunk).Text);
        if (!result.Covered && (result.NoSubject || !(numberNotStated && result.MissingTopic is null)))
        {
            logger.LogInformation("Knowledge question not covered (best coverage {Coverage:F2}) in {ElapsedMs:F1} ms",
                result.Hits.FirstOrDefault()?.Coverage ?? 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return await DeclineAsync(result.NoSubject ? AnswerComposer.NoSubject : AnswerComposer.NotCoveredAbout(result.MissingTopic),
                result, question, asker, cancellationToken);
        }
        if (numberNotStated)
        {
            logger.LogInformation("Knowledge question asks a number no clause found states, in {ElapsedMs:F1} ms",
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return await DeclineAsync(AnswerComposer.NumberNotStated, result, question, asker, cancellationToken);
        }
        var answer = Answer(result, snapshot, assumed, question);
        logger.LogInformation("Knowledge question answered from {DocId} (coverage {Coverage:F2}) in {ElapsedMs:F1} ms",
            answer.Citations[0].DocId, result.Hits[0].Coverage, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return answer;
    }

    /// <param name="whole">A clause the user asked for by name (a tapped related question) is read out whole, not cut
    /// to the sentences a question would pick.</param>
    private static KnowledgeAnswer Answer(KnowledgeSearchResult result, KnowledgeIndex snapshot, KnowledgeTopic? assumed, string question, bool whole = false)
    {
        var best = result.Hits[0];
        var clause = snapshot.Plain.Whole(best.Chunk);
        var citations = result.Hits.Select((h, i) => AnswerComposer.ToCitation(h, i == 0 ? clause : null)).ToList();
        var lead = whole ? AnswerComposer.Bounded(clause.Text)
            : AnswerComposer.WithReferences(AnswerComposer.Bounded(AnswerComposer.Lead(clause.Text, result.Units, snapshot.Bm25.Idf, question)),
                clause, snapshot.Plain.Clauses, result.Units, snapshot.Bm25.Idf);
        return new KnowledgeAnswer(true, AnswerComposer.Compose(lead, citations[0], assumed), citations)
        {
            Lead = lead,
            Related = result.Hits.Skip(1).Zip(citations.Skip(1))
                .Where(p => p.First.Chunk.DocId == best.Chunk.DocId || p.First.Score >= best.Score * RelatedShare)
                .Select(p => p.Second.ShortSource).Distinct().ToList(),
            AssumedTopic = assumed,
        };
    }

    /// <summary>The clause a question names by 《title》 and label, as the related suggestions do.</summary>
    private static IndexedChunk? Lookup(string question, KnowledgeIndex snapshot)
    {
        if (!question.StartsWith('《'))
        {
            return null;
        }
        // Channels fold full-width punctuation ("（三）" arrives as "(三)"): compare normal forms.
        var asked = TextNormalizer.Normalize(question);
        return snapshot.Plain.Clauses
            .FirstOrDefault(c => c.Headings.Count > 0 && asked == TextNormalizer.Normalize($"《{c.Title}》{c.Headings[^1]}"));
    }

    private static bool NamesMoreThanTheNumber(ScoredChunk hit, IReadOnlyList<QueryUnit> units, PlainBigramIndex clauses)
    {
        var text = clauses.Normalized(hit.Chunk.ClauseKey);
        return units.Where(u => !u.Boundary && u.Text.Length > 1 && !AskedNumber.NamesPhone(u.Text))
            .Any(u => u.Alternatives.Any(a => !a.Partial && a.Terms.All(t => text.Contains(t, StringComparison.Ordinal))));
    }

    /// <summary>Whether a follow-up uses a word few documents use (a topic word) that the earlier document does not;
    /// "那需要准备什么材料" only uses words most documents have.</summary>
    private static bool NamesAnotherTopic(IReadOnlyList<QueryUnit> units, string docId, Bm25Index index)
    {
        var topical = Math.Max(1, index.Documents / 4);
        return units.Where(u => !u.Boundary && u.Text.Length > 1)
            .SelectMany(u => u.Alternatives.Where(a => a.Weight >= 1).SelectMany(a => a.Terms))
            .Any(t => t.Length > 1 && index.Contains(t) && index.DocumentSpread(t, topical + 1) <= topical && !index.InDocument(t, docId));
    }

    /// <summary>Whether a word of the question is only said where it does not name the subject: in clauses that do not
    /// ask, or right after the question word as the kind of thing asked for (带啥「证件」, 交哪些「单子」).</summary>
    private static bool OwnWording(string question, string word)
    {
        var normalized = TextNormalizer.Normalize(question);
        var asking = AskingClause.Asking(normalized);
        // A clause that asks anywhere in it counts, not only the last ("焊工证去哪考 要交多少钱").
        return AskingClause.Split(normalized)
            .Where((c, i) => (asking[i] || AskingClause.Asks(c)) && c.Contains(word, StringComparison.Ordinal))
            .All(c => AskedThing().Matches(c).Any(m => m.Groups["thing"].Value.StartsWith(word, StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"(?:啥|什么|哪些|哪个|哪种|几个|几种|几样)(?<thing>\p{IsCJKUnifiedIdeographs}{1,4})")]
    private static partial Regex AskedThing();

    /// <summary>Not the answer: the question is logged for upkeep, and the near clauses are offered to look at, never
    /// given as the answer.</summary>
    private async Task<KnowledgeAnswer> DeclineAsync(string reply, KnowledgeSearchResult result, string question, string asker,
        CancellationToken cancellationToken)
    {
        await RecordUnansweredAsync(question, asker, cancellationToken);
        return new KnowledgeAnswer(false, reply, [])
        {
            // A question that names no subject found its clauses by chance: nothing near to offer.
            Related = result.NoSubject ? [] : result.Hits.Take(2).Select(h => AnswerComposer.ToCitation(h).ShortSource).ToList(),
        };
    }

    private async Task RecordUnansweredAsync(string question, string asker, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // The contract carries who asks (worker/family), not the channel; that is what the owners can act on.
            db.UnansweredQuestions.Add(new UnansweredQuestion { Channel = asker, Question = question, At = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Losing one work-list entry must not cost the user an answer.
            logger.LogWarning(e, "Could not record an unanswered question");
        }
    }
}
