namespace HuaXin.Bot.Dialogs.Evaluation;

/// <summary>Precision/recall/F1 of one slot. A wrong value counts as both a false positive and a false negative.</summary>
public sealed record SlotScore(string Slot, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public int Support => TruePositives + FalseNegatives;
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    private static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;
}
