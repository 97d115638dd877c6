using System.Text;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.OneNet.Ports;
using Xunit;

namespace OneNetFirmware.Host.Tests.Mqtt
{
    /// <summary>The host MQTT link against a real, independent broker (Mosquitto), plain and TLS with a private CA.</summary>
    public class MqttNetLinkMosquittoTests
    {
        private static MqttConnectOptions Options(MosquittoBroker broker, bool tls = false, string ca = null) => new()
        {
            Host = "127.0.0.1",
            Port = tls ? broker.TlsPort : broker.Port,
            Tls = tls,
            CaCertificatePem = ca,
            ClientId = "link-test",
            UserName = "user",
            Password = "secret",
            KeepAliveSeconds = 30,
            TimeoutMilliseconds = 5000,
        };

        private static bool Publish(IMqttLink link, string topic, string text, int qos)
        {
            byte[] buffer = new byte[64];
            int count = Encoding.UTF8.GetBytes(text, 0, text.Length, buffer, 0);
            return link.Publish(topic, buffer, count, qos);
        }

        [Fact]
        public void ConnectsSubscribesAndReceivesItsOwnPublishes()
        {
            using var broker = new MosquittoBroker();
            broker.Start();
            using var link = new MqttNetLink();
            var listener = new RecordingListener();
            link.SetListener(listener);

            Assert.Equal(ConnectResult.Accepted, link.Connect(Options(broker)));
            Assert.True(link.Subscribe(new[] { "test/+/echo" }));
            Assert.True(Publish(link, "test/a/echo", "hello-0", 0));
            Assert.True(Publish(link, "test/b/echo", "hello-1", 1));

            Assert.Equal("hello-0", listener.Next("test/a/echo"));
            Assert.Equal("hello-1", listener.Next("test/b/echo"));
            link.Disconnect();
            Assert.False(link.IsConnected);
            Assert.False(Publish(link, "test/a/echo", "late", 0));
            Assert.Equal(0, listener.LostCount);
        }

        [Fact]
        public void ABrokerThatDiesIsReportedAndARestartedOneAcceptsAReconnect()
        {
            using var broker = new MosquittoBroker();
            broker.Start();
            using var link = new MqttNetLink();
            var listener = new RecordingListener();
            link.SetListener(listener);
            Assert.Equal(0, link.Connect(Options(broker)));

            broker.Kill();

            Assert.True(listener.WaitLost());
            Assert.False(link.IsConnected);
            Assert.False(Publish(link, "test/x", "while down", 0));
            Assert.Equal(ConnectResult.NetworkError, link.Connect(Options(broker)));
            broker.Start();
            Assert.Equal(0, link.Connect(Options(broker)));
            Assert.True(link.Subscribe(new[] { "test/again" }));
            Assert.True(Publish(link, "test/again", "back", 1));
            Assert.Equal("back", listener.Next("test/again"));
            Assert.Equal(1, listener.LostCount);
        }

        [Fact]
        public void TlsTrustsOnlyTheGivenCa()
        {
            using var broker = new MosquittoBroker();
            broker.Start();
            using var link = new MqttNetLink();
            link.SetListener(new RecordingListener());

            Assert.Equal(ConnectResult.NetworkError, link.Connect(Options(broker, tls: true, ca: broker.OtherCaPem)));
            Assert.Equal(ConnectResult.NetworkError, link.Connect(Options(broker, tls: true, ca: null)));
            Assert.Equal(ConnectResult.NetworkError, link.Connect(Options(broker, tls: true, ca: "not a pem")));
            Assert.Equal(ConnectResult.Accepted, link.Connect(Options(broker, tls: true, ca: broker.CaPem)));
            Assert.True(link.Subscribe(new[] { "secure/t" }));
        }

        [Fact]
        public void NothingThrowsWithoutASession()
        {
            using var link = new MqttNetLink();

            Assert.False(link.IsConnected);
            Assert.False(link.Subscribe(new[] { "a/b" }));
            Assert.False(link.Publish("a/b", new byte[1], 1, 0));
            Assert.False(link.Publish("a/b", new byte[1], 2, 0));
            link.Disconnect();
            Assert.Equal(ConnectResult.NetworkError, link.Connect(null));
            Assert.Equal(ConnectResult.NetworkError, link.Connect(new MqttConnectOptions { Host = "127.0.0.1", Port = FreePort.Next(), ClientId = "x", KeepAliveSeconds = 30, TimeoutMilliseconds = 2000 }));
        }
    }
}
