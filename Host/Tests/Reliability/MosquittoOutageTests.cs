using OneNetFirmware.Host.Tests.Mqtt;
using Xunit;

namespace OneNetFirmware.Host.Tests.Reliability;

/// <summary>
/// The same node against Mosquitto, a broker with no OneNET semantics, with a test responder answering posts as the
/// platform would. The broker is killed mid-stream and started again on the same ports a minute later; plain MQTT
/// and TLS (a CA and server certificate the tests generate; the node pins the CA as it pins OneNET's).
/// </summary>
public class MosquittoOutageTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadingsSampledWhileTheBrokerWasDownArriveAfterItsRestartInOrderWithTheirTimes(bool tls)
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        using var node = new ReliableNode("MosqProd01", "node-01", TestKey, tls ? broker.TlsPort : broker.Port, c => c.OneNet.Tls = tls);
        if (tls) node.Node.SetCaCertificate(broker.CaPem);
        using var platform = new PlatformResponder(broker.Port, () => node.Clock.UtcUnixMilliseconds);
        platform.Connect();
        Assert.True(node.RunUntil(() => node.Node.Supervisor.IsOnline, 30_000), node.Trace());
        node.RunFor(20_000);
        Assert.Equal(0, node.Node.Outbox.Rejected);

        long start = node.Now;
        node.ExpectReplies = false;
        broker.Kill();
        Assert.True(node.WaitForLink(false, System.TimeSpan.FromSeconds(10)), node.Trace());
        node.RunFor(60_000);
        Assert.False(node.Node.Supervisor.IsOnline, node.Trace());
        long end = node.Now;
        broker.Start();
        platform.Connect();
        node.ExpectReplies = true;
        node.AssertRecovers(end);
        node.Drain();

        Delivery.AssertComplete(platform.Points, start, end, node.Config.Outbox.ReplyTimeoutSeconds * 1000L, 1000);
        Assert.True(ReliableNode.MostInWindow(node.Link.ConnectTimes, 5_000) <= 2, string.Join(",", node.Link.ConnectTimes));
        Assert.Equal(0, node.Node.Outbox.Dropped);
        Assert.Equal(2, node.Node.Counters.MqttConnects);
        Assert.Equal(0, node.Node.Counters.AuthFailures);
    }

    private static readonly string TestKey = System.Convert.ToBase64String(new byte[32]);
}
