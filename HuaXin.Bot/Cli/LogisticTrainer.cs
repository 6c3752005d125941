using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace HuaXin.Bot.Cli;

/// <summary>Fits one logistic scorer with Microsoft.ML (L-BFGS, L2): the weights and bias a
/// <see cref="Dialogs.Understanding.CandidateModel"/> applies without Microsoft.ML.</summary>
internal static class LogisticTrainer
{
    public static (float[] Weights, float Bias) Fit(IReadOnlyList<(float[] X, bool Label)> examples, float l2, int seed = 1)
    {
        var ml = new MLContext(seed);
        var length = examples[0].X.Length;
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, length);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new Row { Features = e.X, Label = e.Label }), schema);
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            L2Regularization = l2,
            L1Regularization = 0,
            MaximumNumberOfIterations = 500,
        }).Fit(data).Model.SubModel;
        return (model.Weights.Select(w => MathF.Round(w, 4)).ToArray(), MathF.Round(model.Bias, 4));
    }

    private sealed class Row
    {
        public bool Label { get; set; }
        public float[] Features { get; set; } = [];
    }
}
