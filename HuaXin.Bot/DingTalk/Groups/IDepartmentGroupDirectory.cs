namespace HuaXin.Bot.DingTalk.Groups;

/// <summary>Department → DingTalk group, for routing tickets to the staff who work them.</summary>
public interface IDepartmentGroupDirectory
{
    /// <summary>The openConversationId of the group bound to <paramref name="department"/>, or null when none is bound.</summary>
    Task<string?> FindGroupAsync(string department, CancellationToken cancellationToken);

    Task<IReadOnlyList<DepartmentGroup>> ListAsync(CancellationToken cancellationToken);

    Task BindAsync(string department, string openConversationId, string? title, string boundBy, CancellationToken cancellationToken);

    /// <summary>Removes every binding of the group; returns the departments it served.</summary>
    Task<IReadOnlyList<string>> UnbindGroupAsync(string openConversationId, CancellationToken cancellationToken);
}

public sealed record DepartmentGroup(string Department, string OpenConversationId, string? Title);
