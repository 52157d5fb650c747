using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace LeerlingzorgPortal.Testing;

/// <summary>
/// A small TCP proxy on 127.0.0.1 between the portal and its test database, so a test can take the
/// database away and bring it back without touching the server: <see cref="Cut"/> breaks every live
/// connection and refuses new ones (a stopped server), <see cref="Blackhole"/> keeps connections open but
/// passes nothing on (a server or network that does not answer), <see cref="Restore"/> forwards again.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Pair, byte> _pairs = new();
    private readonly ConcurrentDictionary<Socket, byte> _held = new();
    private readonly Task _accepting;
    private volatile ProxyMode _mode = ProxyMode.Forward;

    public TcpProxy(string targetHost, int targetPort)
    {
        var address = Dns.GetHostAddresses(targetHost).First(a => a.AddressFamily == AddressFamily.InterNetwork);
        _target = new IPEndPoint(address, targetPort);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(128);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public ProxyMode Mode => _mode;

    /// <summary>Connections made through the proxy so far (forwarded ones).</summary>
    public int ForwardedConnections => _forwarded;

    private int _forwarded;

    /// <summary>Like a stopped server: live connections are reset, new ones are accepted and reset at once.</summary>
    public void Cut()
    {
        _mode = ProxyMode.Refuse;
        foreach (var pair in _pairs.Keys)
        {
            pair.Reset();
        }
    }

    /// <summary>Like a server that stopped answering: nothing is passed on either way, nothing is closed.</summary>
    public void Blackhole()
    {
        _mode = ProxyMode.Blackhole;
        foreach (var pair in _pairs.Keys)
        {
            pair.Blackholed = true;
        }
    }

    /// <summary>Forwards again. Connections that were blackholed are reset (their stream is broken anyway).</summary>
    public void Restore()
    {
        foreach (var pair in _pairs.Keys.Where(p => p.Blackholed))
        {
            pair.Reset();
        }

        foreach (var socket in _held.Keys)
        {
            Reset(socket);
            _held.TryRemove(socket, out _);
        }

        _mode = ProxyMode.Forward;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        Cut();
        foreach (var socket in _held.Keys)
        {
            Reset(socket);
        }

        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptAsync(_stop.Token);
            switch (_mode)
            {
                case ProxyMode.Refuse:
                    Reset(client);
                    break;
                case ProxyMode.Blackhole:
                    _held.TryAdd(client, 0);
                    break;
                default:
                    _ = ForwardAsync(client);
                    break;
            }
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            Reset(client);
            server.Dispose();
            return;
        }

        Interlocked.Increment(ref _forwarded);
        var pair = new Pair(client, server);
        _pairs.TryAdd(pair, 0);
        await Task.WhenAll(PumpAsync(pair, client, server), PumpAsync(pair, server, client));
        _pairs.TryRemove(pair, out _);
        pair.Reset();
    }

    private static async Task PumpAsync(Pair pair, Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    break;
                }

                if (!pair.Blackholed)
                {
                    await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            // The other side went away or the proxy reset the pair.
        }
        finally
        {
            pair.Reset();
        }
    }

    /// <summary>Closes at once with a reset (no orderly shutdown), as a dead server or a broken network would.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    private sealed class Pair(Socket client, Socket server)
    {
        private int _reset;

        public volatile bool Blackholed;

        public void Reset()
        {
            if (Interlocked.Exchange(ref _reset, 1) == 0)
            {
                TcpProxy.Reset(client);
                TcpProxy.Reset(server);
            }
        }
    }
}

public enum ProxyMode
{
    Forward,
    Refuse,
    Blackhole,
}
