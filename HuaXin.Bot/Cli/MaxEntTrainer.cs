using HuaXin.Bot.Dialogs.Understanding;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace HuaXin.Bot.Cli;

/// <summary>Fits one linear head (multinomial logistic regression, L-BFGS with L2) with Microsoft.ML and returns its
/// weights in the form <see cref="LinearHead"/> scores at run time.</summary>
internal static class MaxEntTrainer
{
    /// <param name="exampleWeights">Per example, how much it counts (all 1 when null).</param>
    public static LinearHead Fit(IReadOnlyList<(float[] X, string Label)> examples, IReadOnlyList<string> labels, float l2, int seed = 1, IReadOnlyList<float>? exampleWeights = null)
    {
        var ml = new MLContext(seed);
        var length = examples[0].X.Length;
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, length);
        var rows = examples.Select((e, i) => new Row { Features = e.X, Weight = exampleWeights?[i] ?? 1, Label = labels.Contains(e.Label) ? e.Label : throw new ArgumentException($"unknown label '{e.Label}'") }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        // The key order is the label list's order, so the weights come back in it.
        var keys = ml.Data.LoadFromEnumerable(labels.Select(l => new KeyValue { Value = l }));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Key", nameof(Row.Label), keyData: keys)
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Key",
                FeatureColumnName = nameof(Row.Features),
                ExampleWeightColumnName = nameof(Row.Weight),
                L2Regularization = l2,
                L1Regularization = 0,
                MaximumNumberOfIterations = 500,
            }));
        var model = pipeline.Fit(data).LastTransformer.Model;
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out var classes);
        var biases = model.GetBiases().ToArray();
        if (classes != labels.Count) throw new InvalidOperationException($"fitted {classes} classes for {labels.Count} labels");
        return new LinearHead
        {
            Labels = [.. labels],
            Weights = weights.Select(w => Round(w.DenseValues().ToArray())).ToList(),
            Bias = biases.Select(b => MathF.Round(b, 4)).ToList(),
        };
    }

    // Four decimals keep the weights file small and diffs readable; the scores do not move.
    private static float[] Round(float[] w) => w.Select(v => MathF.Round(v, 4)).ToArray();

    private sealed class KeyValue
    {
        public string Value { get; set; } = "";
    }

    private sealed class Row
    {
        public string Label { get; set; } = "";
        public float[] Features { get; set; } = [];
        public float Weight { get; set; } = 1;
    }
}
