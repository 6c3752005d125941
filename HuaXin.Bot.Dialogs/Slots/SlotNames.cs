namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>The slot keys of <see cref="Abstractions.Understanding.Slots"/>.</summary>
public static class SlotNames
{
    public const string Phone = "phone";
    public const string Relation = "relation";
    public const string City = "city";
    public const string Address = "address";
    public const string When = "when";
    public const string Urgency = "urgency";
    public const string Description = "description";

    public const string Urgent = "紧急";
    public const string NotUrgent = "一般";
}
