using System.Collections.Concurrent;
using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace HuaXin.Bot.Tests.Hosting;

/// <summary>The host checks the database and restores the index on one thread while it maps the endpoints on another;
/// both read configuration, so once the host is built nothing may write it (a write there failed starts at random with
/// "Collection was modified").</summary>
public sealed class StartupTests
{
    [Fact]
    public void Starting_the_host_writes_no_configuration()
    {
        var writes = new WriteRecorder();
        using var host = new RecordingAppFactory(writes);
        using var client = host.CreateClient();

        Assert.Empty(writes.Keys);
    }

    private sealed class WriteRecorder : ConfigurationProvider, IConfigurationSource
    {
        public ConcurrentQueue<string> Keys { get; } = new();

        public override void Set(string key, string? value)
        {
            Keys.Enqueue(key);
            base.Set(key, value);
        }

        public IConfigurationProvider Build(IConfigurationBuilder builder) => this;
    }

    private sealed class RecordingAppFactory(WriteRecorder writes) : TestAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Knowledge:Watch", "false");
            builder.ConfigureAppConfiguration((_, configuration) => configuration.Add(writes));
        }
    }
}
