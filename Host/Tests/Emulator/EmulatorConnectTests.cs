using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.OneNet.Ports;
using Xunit;

namespace OneNetFirmware.Host.Tests.Emulator
{
    /// <summary>CONNECT rules (docs/onenet-protocol.md#connack-codes): token checks give CONNACK 4/5, broken CONNECTs are dropped without CONNACK.</summary>
    public class EmulatorConnectTests
    {
        private const string P = TestEmulator.ProductId;
        private const string D = TestEmulator.DeviceName;

        [Fact]
        public async Task GoodTokenIsAccepted()
        {
            await using var t = await TestEmulator.StartAsync();
            using var link = new MqttNetLink();

            Assert.Equal(ConnectResult.Accepted, link.Connect(t.Options()));
            Assert.True(link.IsConnected);
            // MQTTnet raises its client-connected event, which counts, after the CONNACK may already have arrived.
            Assert.True(SpinWait.SpinUntil(() => t.Emulator.AcceptedConnections == 1, TimeSpan.FromSeconds(5)),
                "accepted connections: " + t.Emulator.AcceptedConnections);
        }

        [Theory]
        [InlineData("bad signature", 5)]
        [InlineData("expired", 5)]
        [InlineData("md5 and sha1", 0)]
        [InlineData("wrong version", 5)]
        [InlineData("token of another device", 5)]
        [InlineData("unknown product", 4)]
        [InlineData("unknown device", 4)]
        [InlineData("client id is not the device name", 4)]
        public async Task CredentialsGiveTheDocumentedConnackCode(string what, int expected)
        {
            await using var t = await TestEmulator.StartAsync();
            string res = "products/" + P + "/devices/" + D;
            MqttConnectOptions options = what switch
            {
                "bad signature" => t.Options(password: Tokens.Make(res, t.FutureEt, "sha256", TestEmulator.OtherKey)),
                "expired" => t.Options(password: Tokens.Make(res, t.Now.ToUnixTimeSeconds(), "sha256", TestEmulator.Key)),
                "md5 and sha1" => t.Options(password: Tokens.Make(res, t.FutureEt, "md5", TestEmulator.Key)),
                "wrong version" => t.Options(password: Tokens.Make(res, t.FutureEt, "sha256", TestEmulator.Key).Replace("2018-10-31", "2022-05-01")),
                "token of another device" => t.Options(clientId: TestEmulator.OtherDevice),
                "unknown product" => t.Options(userName: "NoSuchProd"),
                "unknown device" => t.Options(clientId: "node-99", password: Tokens.Make("products/" + P + "/devices/node-99", t.FutureEt, "sha256", TestEmulator.Key)),
                _ => t.Options(clientId: "mqttfx-client"),
            };
            using var link = new MqttNetLink();

            Assert.Equal(expected, link.Connect(options));
            if (what == "md5 and sha1")
            {
                link.Disconnect();
                Assert.Equal(0, link.Connect(t.Options(password: Tokens.Make(res, t.FutureEt, "sha1", TestEmulator.Key))));
            }
            else
            {
                Assert.False(link.IsConnected);
                Assert.Contains(t.Emulator.ConnectionEvents, e => e.What.StartsWith("refused with CONNACK " + expected));
            }
        }

        [Theory]
        [InlineData(5)]
        [InlineData(1801)]
        public async Task KeepAliveOutsideTheRangeIsDroppedWithoutConnack(int keepAlive)
        {
            await using var t = await TestEmulator.StartAsync();
            using var link = new MqttNetLink();

            Assert.Equal(ConnectResult.NetworkError, link.Connect(t.Options(keepAlive: keepAlive)));
            Assert.Contains(t.Emulator.ConnectionEvents, e => e.What.Contains("dropped without CONNACK: keep-alive"));
        }

        [Theory]
        [InlineData("will", "will is not supported")]
        [InlineData("persistent session", "clean session must be 1")]
        [InlineData("MQTT 5", "not MQTT 3.1.1")]
        public async Task ForbiddenConnectFeaturesAreDroppedWithoutConnack(string feature, string reason)
        {
            await using var t = await TestEmulator.StartAsync();
            MqttConnectOptions o = t.Options();
            var builder = new MqttClientOptionsBuilder().WithTcpServer(o.Host, o.Port).WithClientId(o.ClientId)
                .WithCredentials(o.UserName, o.Password).WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
                .WithProtocolVersion(feature == "MQTT 5" ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311)
                .WithCleanSession(feature != "persistent session").WithTimeout(TimeSpan.FromSeconds(5));
            if (feature == "will") builder.WithWillTopic(t.Prefix + "thing/event/post").WithWillPayload("{}");
            using IMqttClient client = new MqttClientFactory().CreateMqttClient();

            await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(builder.Build(), CancellationToken.None));
            Assert.Contains(t.Emulator.ConnectionEvents, e => e.What == "dropped without CONNACK: " + reason);
            Assert.Equal(0, t.Emulator.AcceptedConnections);
        }

        [Fact]
        public async Task ASecondConnectionKicksTheFirst()
        {
            await using var t = await TestEmulator.StartAsync();
            var (first, firstListener) = t.Connect();
            using var second = new MqttNetLink();

            Assert.Equal(0, second.Connect(t.Options()));

            Assert.True(firstListener.WaitLost());
            Assert.False(first.IsConnected);
            Assert.True(second.IsConnected);
            Assert.Equal(1, t.Emulator.Kicks);
            first.Dispose();
        }

        [Fact]
        public async Task MoreThanThreeLoginsInFiveSecondsBanTheDevice()
        {
            await using var t = await TestEmulator.StartAsync(o => o.BanDuration = TimeSpan.FromSeconds(30));
            using var link = new MqttNetLink();
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(0, link.Connect(t.Options()));
                t.Now += TimeSpan.FromSeconds(1);
            }

            Assert.Equal(ConnectResult.NetworkError, link.Connect(t.Options()));
            Assert.Equal(1, t.Emulator.Bans);
            t.Now += TimeSpan.FromSeconds(29);
            Assert.Equal(ConnectResult.NetworkError, link.Connect(t.Options()));
            t.Now += TimeSpan.FromSeconds(2);
            Assert.Equal(0, link.Connect(t.Options()));
            Assert.Equal(6, t.Emulator.ConnectAttempts);
            Assert.Equal(1, t.Emulator.Bans);
        }

        [Fact]
        public async Task SpacedLoginsAreNeverBannedAndConnectRatesAreCounted()
        {
            await using var t = await TestEmulator.StartAsync();
            using var link = new MqttNetLink();
            for (int i = 0; i < 6; i++)
            {
                Assert.Equal(0, link.Connect(t.Options()));
                t.Now += TimeSpan.FromSeconds(2);
            }

            Assert.Equal(0, t.Emulator.Bans);
            Assert.Equal(1, t.Emulator.MaxConnectsPerSecond);
            Assert.Equal(6, t.Emulator.ConnectTimes.Distinct().Count());
        }
    
        [Fact]
        public async Task TheTlsListenerServesTheSameRules()
        {
            using var certificates = new OneNetFirmware.Host.Tests.Mqtt.TestCertificates();
            int tlsPort = OneNetFirmware.Host.Tests.Mqtt.FreePort.Next();
            await using var t = await TestEmulator.StartAsync(o =>
            {
                o.TlsCertificate = certificates.Server;
                o.TlsPort = tlsPort;
            });
            using var link = new MqttNetLink();
            MqttConnectOptions options = t.Options();
            options.Port = tlsPort;
            options.Tls = true;

            options.CaCertificatePem = certificates.OtherCaPem;
            Assert.Equal(ConnectResult.NetworkError, link.Connect(options));
            options.CaCertificatePem = certificates.CaPem;
            Assert.Equal(ConnectResult.Accepted, link.Connect(options));
            options.Password = Tokens.Make("products/" + P + "/devices/" + D, t.FutureEt, "sha256", TestEmulator.OtherKey);
            Assert.Equal(ConnectResult.NotAuthorized, link.Connect(options));
        }
    
        [Fact]
        public async Task RecordsStayBoundedButCountersDoNot()
        {
            await using var t = await TestEmulator.StartAsync(o => o.MaxRecords = 5);
            using var link = new MqttNetLink();
            for (int i = 0; i < 8; i++)
            {
                Assert.Equal(ConnectResult.BadUserNameOrPassword, link.Connect(t.Options(userName: "NoSuchProd")));
                t.Now += TimeSpan.FromSeconds(2);
            }

            Assert.Equal(8, t.Emulator.ConnectAttempts);
            Assert.InRange(t.Emulator.ConnectTimes.Count, 1, 5);
            Assert.Equal(t.Now - TimeSpan.FromSeconds(2), t.Emulator.ConnectTimes.Last());
            Assert.InRange(t.Emulator.ConnectionEvents.Count, 1, 5);
        }
    }
}
