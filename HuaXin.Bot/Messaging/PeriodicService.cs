namespace HuaXin.Bot.Messaging;

/// <summary>A background service that runs one round of its work now and then on the service clock (so tests can move
/// time); a failed round is logged and the next one runs anyway.</summary>
public abstract class PeriodicService(ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>The service clock the rounds are timed by.</summary>
    protected abstract TimeProvider Clock { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "{Service} round failed", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
