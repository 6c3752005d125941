namespace HuaXin.Bot.Dialogs.Abstractions;

/// <summary>What the roster already knows about a requester's family (implemented by the host), so intake does not
/// ask for it again.</summary>
public interface IRequesterProfiles
{
    Task<RequesterProfile?> FindAsync(string channel, string userId, CancellationToken cancellationToken);
}

/// <param name="Phone">A mobile number to call back (11 digits).</param>
/// <param name="Address">The family's home address.</param>
public sealed record RequesterProfile(string? Phone, string? Address);
