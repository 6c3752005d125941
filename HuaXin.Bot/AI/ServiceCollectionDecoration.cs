namespace HuaXin.Bot.AI;

/// <summary>Replaces a registration with a decorator around it, keeping its lifetime.</summary>
internal static class ServiceCollectionDecoration
{
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var index = services.Count - 1;
        while (index >= 0 && services[index].ServiceType != typeof(TService))
        {
            index--;
        }
        if (index < 0)
        {
            throw new InvalidOperationException($"{typeof(TService).Name} must be registered before AI decorates it.");
        }
        var inner = services[index];
        services[index] = ServiceDescriptor.Describe(typeof(TService), sp => decorate(sp, (TService)Create(sp, inner)), inner.Lifetime);
        return services;
    }

    private static object Create(IServiceProvider sp, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);
}
