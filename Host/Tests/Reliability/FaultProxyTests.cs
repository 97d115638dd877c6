using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OneNetFirmware.Host.Tests.Mqtt;
using Xunit;

namespace OneNetFirmware.Host.Tests.Reliability;

/// <summary>The proxy itself, in front of a TCP echo server that counts the bytes it received.</summary>
public class FaultProxyTests
{
    private sealed class EchoServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, FreePort.Next());
        private readonly CancellationTokenSource _stop = new();
        private int _received;

        public EchoServer()
        {
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    TcpClient c;
                    try { c = await _listener.AcceptTcpClientAsync(_stop.Token); }
                    catch (Exception) { return; }
                    _ = Task.Run(async () =>
                    {
                        using (c)
                        {
                            byte[] b = new byte[1024];
                            try
                            {
                                int n;
                                while ((n = await c.GetStream().ReadAsync(b, _stop.Token)) > 0)
                                {
                                    Interlocked.Add(ref _received, n);
                                    await c.GetStream().WriteAsync(b.AsMemory(0, n), _stop.Token);
                                }
                            }
                            catch (Exception)
                            {
                            }
                        }
                    });
                }
            });
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public int Received => Volatile.Read(ref _received);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }

    private static TcpClient Open(FaultProxy proxy)
    {
        var c = new TcpClient();
        c.Connect(IPAddress.Loopback, proxy.Port);
        c.ReceiveTimeout = 5000;
        return c;
    }

    private static byte[] RoundTrip(TcpClient c, byte[] data)
    {
        c.GetStream().Write(data);
        byte[] back = new byte[data.Length];
        int got = 0;
        while (got < back.Length)
        {
            int n = c.GetStream().Read(back, got, back.Length - got);
            if (n == 0) throw new IOException("closed");
            got += n;
        }
        return back;
    }

    /// <summary>True when the peer closed or reset the connection (read returns 0 or fails) within the receive timeout.</summary>
    private static bool IsClosed(TcpClient c)
    {
        try
        {
            return c.GetStream().Read(new byte[16], 0, 16) == 0;
        }
        catch (IOException e)
        {
            return e.InnerException is SocketException { SocketErrorCode: not SocketError.TimedOut and not SocketError.WouldBlock };
        }
    }

    [Fact]
    public void PassForwardsBothWaysAndSlowStillDeliversEveryByteInOrder()
    {
        using var echo = new EchoServer();
        using var proxy = new FaultProxy(echo.Port);
        using TcpClient c = Open(proxy);
        byte[] data = new byte[200];
        for (int i = 0; i < data.Length; i++) data[i] = (byte)i;
        Assert.Equal(data, RoundTrip(c, data));
        proxy.Mode = FaultMode.Slow;
        Assert.Equal(data, RoundTrip(c, data));
        Assert.Equal(1, proxy.Accepted);
    }

    [Fact]
    public void DropClosesOpenConnectionsAndRefusesNewOnesUntilPassAgain()
    {
        using var echo = new EchoServer();
        using var proxy = new FaultProxy(echo.Port);
        using TcpClient before = Open(proxy);
        RoundTrip(before, new byte[] { 1 });
        proxy.Mode = FaultMode.Drop;
        Assert.True(IsClosed(before));
        using TcpClient during = Open(proxy); // the listener still accepts TCP, then closes at once
        Assert.True(IsClosed(during));
        Assert.True(proxy.Refused >= 1);
        proxy.Mode = FaultMode.Pass;
        using TcpClient after = Open(proxy);
        Assert.Equal(new byte[] { 7, 8 }, RoundTrip(after, new byte[] { 7, 8 }));
    }

    [Fact]
    public void StallDiscardsEveryByteKeepsTheConnectionAndClosesItWhenTheStallEnds()
    {
        using var echo = new EchoServer();
        using var proxy = new FaultProxy(echo.Port);
        using TcpClient c = Open(proxy);
        RoundTrip(c, new byte[] { 1, 2, 3 });
        int receivedBefore = echo.Received;
        proxy.Mode = FaultMode.Stall;
        c.GetStream().Write(new byte[100]);
        // Written bytes are read by the proxy and thrown away; wait (bounded) until it has read them.
        using TcpClient probe = Open(proxy); // a new connection is accepted during a stall
        DateTime end = DateTime.UtcNow.AddSeconds(5);
        while ((proxy.OpenConnections < 2 || proxy.Discarded < 100) && DateTime.UtcNow < end) Thread.Sleep(10);
        Assert.Equal(2, proxy.OpenConnections);
        Assert.Equal(100, proxy.Discarded);
        proxy.Mode = FaultMode.Pass;
        Assert.True(IsClosed(c));
        Assert.Equal(receivedBefore, echo.Received);
        Assert.Equal(new byte[] { 9 }, RoundTrip(probe, new byte[] { 9 })); // lost nothing, so it lives on
    }

    [Fact]
    public void OneWayDeliversTheClientsBytesAndDiscardsTheAnswers()
    {
        using var echo = new EchoServer();
        using var proxy = new FaultProxy(echo.Port);
        using TcpClient c = Open(proxy);
        RoundTrip(c, new byte[] { 1 });
        proxy.Mode = FaultMode.OneWay;
        c.GetStream().Write(new byte[50]);
        DateTime end = DateTime.UtcNow.AddSeconds(5);
        while (proxy.Discarded < 50 && DateTime.UtcNow < end) Thread.Sleep(10);
        Assert.Equal(51, echo.Received); // arrived at the server
        Assert.Equal(50, proxy.Discarded); // its echo did not come back
        proxy.Mode = FaultMode.Pass;
        Assert.True(IsClosed(c));
    }
}
