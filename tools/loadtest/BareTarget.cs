namespace HuaXin.LoadTest;

/// <summary>GET / on the bare endpoint: the cost of Kestrel and this client alone.</summary>
public sealed class BareTarget : ITarget
{
    public Task<object?> StartUserAsync(HttpClient http, int user, CancellationToken cancellationToken) => Task.FromResult<object?>(null);

    public async Task<bool> TurnAsync(HttpClient http, object? session, int user, long turn, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("", cancellationToken);
        return response.IsSuccessStatusCode;
    }
}
