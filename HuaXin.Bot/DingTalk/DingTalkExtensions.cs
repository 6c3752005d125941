using HuaXin.Bot.Tickets;
using HuaXin.Bot.DingTalk.Callback;
using HuaXin.Bot.DingTalk.Groups;
using HuaXin.Bot.DingTalk.OpenApi;
using HuaXin.Bot.DingTalk.Sending;
using HuaXin.Bot.DingTalk.Stream;
using HuaXin.Bot.Messaging;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.DingTalk;

public static class DingTalkExtensions
{
    /// <summary>Registers the DingTalk channel: sender, OpenAPI client, group directory, and the receiver the mode asks for.
    /// Needs IInboundQueue and IOutbox from the messaging registrations, and IButtonLinks from the staff console's.</summary>
    public static IServiceCollection AddDingTalk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DingTalkOptions>().Bind(configuration.GetSection(DingTalkOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DingTalkOptions>, DingTalkOptionsValidator>();

        services.AddSingleton<AccessTokenCache>();
        services.AddSingleton<IDepartmentGroupDirectory, DepartmentGroupDirectory>();
        services.AddScoped<GroupCommands>();
        services.AddScoped<DingTalkInbound>();
        services.AddSingleton<IDepartmentDestinationSource, DingTalkDepartmentDestinations>();

        services.AddHttpClient<DingTalkApiClient>(ConfigureBaseAddress).AddDingTalkResilience();
        services.AddTransient<IChannelSender, DingTalkChannelSender>();
        services.AddSingleton<IPersonalAddress, DingTalkPersonalAddress>();

        if (configuration.GetValue(DingTalkOptions.Section + ":Mode", DingTalkMode.Off) == DingTalkMode.Stream)
        {
            services.AddHttpClient<StreamGateway>(ConfigureBaseAddress);
            services.AddHostedService<DingTalkStreamService>();
        }
        return services;
    }

    /// <summary>Maps POST /api/dingtalk/callback when DingTalk:Mode is Callback; in other modes the path does not exist (404).</summary>
    public static WebApplication MapDingTalk(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DingTalkOptions>>().Value.Mode == DingTalkMode.Callback)
        {
            app.MapDingTalkCallback();
        }
        return app;
    }

    private static void ConfigureBaseAddress(IServiceProvider services, HttpClient http)
    {
        var baseUrl = services.GetRequiredService<IOptionsMonitor<DingTalkOptions>>().CurrentValue.ApiBaseUrl.ToString();
        // Relative paths like "v1.0/robot/..." resolve under the base only when it ends with a slash.
        http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
    }
}
