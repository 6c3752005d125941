using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot;

/// <summary>The turn behaviours every channel calls, declared as one ordered list, outermost first: each wraps the ones
/// added after it, and the last is the innermost handler (the conversation), taken from the container. A behaviour gets
/// the next one as its <see cref="ITurnHandler"/> constructor argument and the rest from the container.</summary>
public sealed class TurnPipeline
{
    private readonly List<Type> _handlers = [];

    /// <param name="when">False leaves the behaviour out (a part that is not configured).</param>
    public TurnPipeline Add<THandler>(bool when = true) where THandler : class, ITurnHandler
    {
        if (when)
        {
            _handlers.Add(typeof(THandler));
        }
        return this;
    }

    public ITurnHandler Build(IServiceProvider services)
    {
        var handler = (ITurnHandler)services.GetRequiredService(_handlers[^1]);
        for (var i = _handlers.Count - 2; i >= 0; i--)
        {
            handler = (ITurnHandler)ActivatorUtilities.CreateInstance(services, _handlers[i], handler);
        }
        return handler;
    }
}
