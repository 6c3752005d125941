using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Tickets;

public enum StaffRole
{
    Staff,
    /// <summary>May act on every department's tickets.</summary>
    Admin,
}

/// <summary>One staff member as known on one channel.</summary>
public sealed class StaffMember
{
    public string Channel { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Department { get; set; } = "";
    public StaffRole Role { get; set; } = StaffRole.Staff;

    public bool MayActOn(string department) => Role == StaffRole.Admin || Department == department;
}

/// <summary>Settings under "Staff": who may work tickets from chat.</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    public List<StaffMember> Members { get; set; } = [];
}

/// <summary>Looks staff up by channel identity; reloads when configuration changes.</summary>
public sealed class StaffDirectory(IOptionsMonitor<StaffOptions> options)
{
    public StaffMember? Find(string channel, string userId) =>
        options.CurrentValue.Members.FirstOrDefault(m =>
            string.Equals(m.Channel, channel, StringComparison.OrdinalIgnoreCase) && m.UserId == userId);
}
