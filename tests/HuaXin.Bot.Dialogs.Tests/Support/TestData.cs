using HuaXin.Bot.Dialogs.Safety;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Dialogs.Understanding;
using Microsoft.Extensions.Time.Testing;

namespace HuaXin.Bot.Dialogs.Tests.Support;

/// <summary>The shipped knowledge files and a clock fixed at Monday 2026-11-23 10:00 in China (UTC+8).</summary>
public static class TestData
{
    public static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    public static string TaxonomyPath => Path.Combine(AppContext.BaseDirectory, "knowledge", "taxonomy.yaml");

    public static string RequestsPath => Path.Combine(AppContext.BaseDirectory, "knowledge", "eval", "requests.jsonl");

    public static string DangerPath => Path.Combine(AppContext.BaseDirectory, "knowledge", "eval", "danger.jsonl");

    public static string ModelPath => Path.Combine(AppContext.BaseDirectory, "knowledge", "request-model.json");

    public static string DangerModelPath => Path.Combine(AppContext.BaseDirectory, "knowledge", "danger-model.json");

    private static readonly Lazy<Taxonomy> Shipped = new(() => Taxonomy.Load(TaxonomyPath));
    private static readonly Lazy<RequestModel> ShippedModel = new(() => RequestModel.Load(ModelPath));
    private static readonly Lazy<DangerModel> ShippedDangerModel = new(() => DangerModel.Load(DangerModelPath));

    public static Taxonomy Taxonomy => Shipped.Value;

    public static RequestModel Model => ShippedModel.Value;

    public static DangerModel DangerModel => ShippedDangerModel.Value;

    /// <summary>The shipped understanding without knowledge evidence (the tests have no documents).</summary>
    public static RequestUnderstanding Understanding(TimeProvider? clock = null) => new(Taxonomy, clock ?? Clock(), Model);

    public static FakeTimeProvider Clock()
    {
        // FakeTimeProvider expects UTC; its local time is derived from the time zone below.
        var clock = new FakeTimeProvider(Now.ToUniversalTime());
        clock.SetLocalTimeZone(China);
        return clock;
    }

    public static DateTimeOffset Local(int month, int day, int hour = 0, int minute = 0, int year = 2026) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
