using Microsoft.Extensions.Configuration;

namespace HuaXin.Bot.Tests.Support;

/// <summary>Settings a test changes while the host runs, as an operator edits appsettings or the environment and the
/// host reloads: readers through IOptionsMonitor see the change.</summary>
public sealed class LiveSettings : ConfigurationProvider, IConfigurationSource
{
    public override void Set(string key, string? value)
    {
        base.Set(key, value);
        OnReload();
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;
}
