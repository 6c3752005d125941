namespace HuaXin.Bot.Knowledge.Evaluation;

/// <summary>The questions on which the product and the plain-BM25 baseline disagree: right means the expected document
/// first (hit@1) for an answerable question, no answer for an unanswerable one. Two equal hit@1 figures can hide five
/// questions lost and five won; on a development set these lists say which of the engine's parts lost to the floor.</summary>
public sealed record BaselineDifferences(IReadOnlyList<(EvalResult Product, EvalResult Baseline)> Lost, IReadOnlyList<(EvalResult Product, EvalResult Baseline)> Won)
{
    public static BaselineDifferences Of(IReadOnlyList<EvalResult> product, IReadOnlyList<EvalResult> baseline)
    {
        var floor = baseline.ToDictionary(r => r.Question.Id, StringComparer.Ordinal);
        var pairs = product.Where(r => floor.ContainsKey(r.Question.Id)).Select(r => (Product: r, Baseline: floor[r.Question.Id])).ToList();
        return new(
            pairs.Where(p => !Right(p.Product) && Right(p.Baseline)).ToList(),
            pairs.Where(p => Right(p.Product) && !Right(p.Baseline)).ToList());
    }

    private static bool Right(EvalResult result) => result.Question.Answerable ? result.Hit1 : !result.Answer.Answered;
}
