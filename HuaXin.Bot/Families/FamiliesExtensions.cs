namespace HuaXin.Bot.Families;

public static class FamiliesExtensions
{
    /// <summary>Family binding codes, links and recovery on a new phone; the turn pipeline wraps <see cref="FamilyCommandHandler"/> around the rest.</summary>
    public static IServiceCollection AddFamilies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FamilyOptions>().Bind(configuration.GetSection(FamilyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FamilyBinding>();
        services.AddSingleton<FamilyRecovery>();
        return services;
    }
}
