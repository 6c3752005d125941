namespace HuaXin.LoadTest;

/// <summary>One virtual user's way of doing a turn against a target.</summary>
public interface ITarget
{
    /// <summary>Per virtual user, once, untimed (e.g. get a Direct Line token and start the conversation).</summary>
    Task<object?> StartUserAsync(HttpClient http, int user, CancellationToken cancellationToken);

    /// <summary>One timed turn; throws or returns false when it failed.</summary>
    Task<bool> TurnAsync(HttpClient http, object? session, int user, long turn, CancellationToken cancellationToken);
}
