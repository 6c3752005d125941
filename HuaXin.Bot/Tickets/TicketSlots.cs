using System.Text.Json;
using HuaXin.Bot.Data;

namespace HuaXin.Bot.Tickets;

/// <summary>Reads the slots the intake dialog filled in (SlotsJson) for display, with their labels, on cards and pages.</summary>
public static class TicketSlots
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["relation"] = "服务对象",
        ["phone"] = "联系电话",
        ["city"] = "所在地",
        ["address"] = "地址",
        ["when"] = "期望时间",
        ["urgency"] = "紧急程度",
        ["description"] = "情况描述",
    };

    public static Dictionary<string, string> All(ServiceRequest t) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(t.SlotsJson) ?? [];

    public static string? Phone(ServiceRequest t) => All(t).GetValueOrDefault("phone");
}
