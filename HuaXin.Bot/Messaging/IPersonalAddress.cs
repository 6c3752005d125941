namespace HuaXin.Bot.Messaging;

/// <summary>A channel's way to reach one user alone. Personal notices (a ticket's progress, a rating request) must not
/// follow the user into the group chat they last wrote from; each channel that has group chats turns the address it
/// answered the user at into a one-to-one address.</summary>
public interface IPersonalAddress
{
    string Channel { get; }

    /// <summary>The one-to-one address for the user <paramref name="replyAddress"/> answered, or null when the channel
    /// cannot reach that user alone from it.</summary>
    string? ToPersonal(string replyAddress);
}
