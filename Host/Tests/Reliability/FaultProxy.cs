using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OneNetFirmware.Host.Tests.Mqtt;

namespace OneNetFirmware.Host.Tests.Reliability;

/// <summary>What the proxy does to the traffic.</summary>
public enum FaultMode
{
    /// <summary>Forward everything.</summary>
    Pass,
    /// <summary>A cut cable: every open connection is closed, new ones are closed as soon as they are accepted.</summary>
    Drop,
    /// <summary>
    /// A black-holed network: connections stay open (new ones are accepted) but every byte in either direction is
    /// discarded. A connection that lost bytes is closed when the stall ends: its MQTT stream can no longer be framed.
    /// </summary>
    Stall,
    /// <summary>Forward in small chunks with a delay before each (a slow, lossless link).</summary>
    Slow,
    /// <summary>
    /// A half-broken route: the client's bytes reach the broker, the broker's are discarded (so the node's posts arrive
    /// but their replies, CONNACKs and PINGRESPs do not). Closed like a stall when it ends.
    /// </summary>
    OneWay,
}

/// <summary>
/// A TCP proxy on a free loopback port in front of a broker, for network faults the node must survive. Only loopback
/// addresses; every connection and task ends when the proxy is disposed.
/// </summary>
public sealed class FaultProxy : IDisposable
{
    public const int SlowChunkBytes = 16;
    public const int SlowDelayMilliseconds = 5;

    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly List<Pair> _pairs = new();
    private FaultMode _mode = FaultMode.Pass;
    private int _accepted;
    private int _refused;
    private long _discarded;

    public FaultProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, FreePort.Next());
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptLoop();
    }

    public int Port { get; }

    /// <summary>Connections forwarded to the broker so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Connections closed at once because the mode was Drop.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public FaultMode Mode
    {
        get { lock (_gate) return _mode; }
        set
        {
            List<Pair> close = new();
            lock (_gate)
            {
                FaultMode old = _mode;
                _mode = value;
                foreach (Pair p in _pairs)
                {
                    if (value == FaultMode.Drop || (value != old && p.LostBytes)) close.Add(p);
                }
            }
            foreach (Pair p in close) p.Close();
        }
    }

    /// <summary>Bytes thrown away during stalls.</summary>
    public long Discarded => Interlocked.Read(ref _discarded);

    /// <summary>Connections currently open through the proxy.</summary>
    public int OpenConnections
    {
        get { lock (_gate) return _pairs.Count; }
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                return; // disposed
            }
            if (Mode == FaultMode.Drop)
            {
                Interlocked.Increment(ref _refused);
                client.Dispose();
                continue;
            }
            _ = Serve(client);
        }
    }

    private async Task Serve(TcpClient client)
    {
        var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The broker is down: the client sees its connection closed, as a router would reset it.
            client.Dispose();
            upstream.Dispose();
            return;
        }
        var pair = new Pair(client, upstream);
        lock (_gate) _pairs.Add(pair);
        Interlocked.Increment(ref _accepted);
        try
        {
            await Task.WhenAny(Pump(pair, client, upstream, true), Pump(pair, upstream, client, false)).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate) _pairs.Remove(pair);
            pair.Close();
        }
    }

    private async Task Pump(Pair pair, TcpClient from, TcpClient to, bool toBroker)
    {
        byte[] buffer = new byte[8192];
        try
        {
            NetworkStream input = from.GetStream();
            NetworkStream output = to.GetStream();
            while (true)
            {
                int n = await input.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (n == 0) return;
                FaultMode mode = Mode;
                if (mode == FaultMode.Stall || (mode == FaultMode.OneWay && !toBroker))
                {
                    pair.LostBytes = true;
                    Interlocked.Add(ref _discarded, n);
                    continue;
                }
                if (mode == FaultMode.Drop) return;
                if (mode == FaultMode.Slow)
                {
                    for (int offset = 0; offset < n; offset += SlowChunkBytes)
                    {
                        await Task.Delay(SlowDelayMilliseconds, _stop.Token).ConfigureAwait(false);
                        await output.WriteAsync(buffer.AsMemory(offset, Math.Min(SlowChunkBytes, n - offset)), _stop.Token).ConfigureAwait(false);
                    }
                    continue;
                }
                await output.WriteAsync(buffer.AsMemory(0, n), _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // A closed socket or the proxy's shutdown ends this direction; Serve closes both sides.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        List<Pair> pairs;
        lock (_gate) pairs = new List<Pair>(_pairs);
        foreach (Pair p in pairs) p.Close();
    }

    private sealed class Pair(TcpClient client, TcpClient upstream)
    {
        public volatile bool LostBytes;

        public void Close()
        {
            // Linger 0: a reset, so neither side waits in FIN_WAIT and the node sees the drop at once.
            foreach (TcpClient c in new[] { client, upstream })
            {
                try
                {
                    c.Client.LingerState = new LingerOption(true, 0);
                }
                catch (Exception)
                {
                }
                c.Dispose();
            }
        }
    }
}
