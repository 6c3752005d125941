using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace HuaXin.Bot.Tests.DingTalk;

/// <summary>A TCP hop between the Stream client and the fake gateway, standing for the NAT or proxy on the way: it can drop
/// its current connections silently, the way a NAT forgets a mapping (neither side hears a close; bytes just vanish).
/// Connections made afterwards pass again.</summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly ConcurrentBag<Link> _links = [];
    private readonly CancellationTokenSource _stop = new();

    private TcpRelay(IPEndPoint target) => _target = target;

    public static TcpRelay Start(Uri target)
    {
        var relay = new TcpRelay(new IPEndPoint(IPAddress.Parse(target.Host), target.Port));
        relay._listener.Start();
        _ = relay.AcceptAsync();
        return relay;
    }

    /// <summary>The WebSocket address of <paramref name="path"/> through the relay.</summary>
    public Uri WebSocketUrl(string path) => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}");

    /// <summary>From now on the open connections carry nothing, in either direction, and are not closed.</summary>
    public void Blackhole()
    {
        foreach (var link in _links)
        {
            link.Dead = true;
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var upstream = new TcpClient();
            await upstream.ConnectAsync(_target, _stop.Token);
            var link = new Link(client, upstream);
            _links.Add(link);
            _ = link.PumpAsync(client.GetStream(), upstream.GetStream(), _stop.Token);
            _ = link.PumpAsync(upstream.GetStream(), client.GetStream(), _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var link in _links)
        {
            link.Close();
        }
        _stop.Dispose();
    }

    private sealed class Link(TcpClient client, TcpClient upstream)
    {
        public volatile bool Dead;

        public async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (!Dead)
                    {
                        await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }
                }
                // A side closed: pass it on only while the link lives; a dead link tells the other side nothing.
                if (!Dead)
                {
                    Close();
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                if (!Dead)
                {
                    Close();
                }
            }
        }

        public void Close()
        {
            client.Dispose();
            upstream.Dispose();
        }
    }
}
