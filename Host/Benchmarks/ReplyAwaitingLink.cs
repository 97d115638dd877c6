using System;
using System.Text;
using System.Threading;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.OneNet;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>
    /// The host MQTT link of one device (MqttNetLink, as the node uses it) that sends a OneJSON property post and waits
    /// for the platform's answer on …/property/post/reply: one end-to-end post of a node.
    /// </summary>
    public sealed class ReplyAwaitingLink : IMqttLinkListener, IDisposable
    {
        public const string ProductId = "BenchProd1";

        private static readonly byte[] Post = Encoding.UTF8.GetBytes(
            "{\"id\":\"1\",\"version\":\"1.0\",\"params\":{\"temperature\":{\"value\":23.6,\"time\":1800000000123},\"humidity\":{\"value\":41.5}}}");

        private readonly SemaphoreSlim _replies = new(0);
        private readonly MqttNetLink _link = new();
        private readonly string _topic;

        /// <summary>Connects as deviceName (a device-level token when key is given, else any password) and subscribes to the reply topic.</summary>
        public ReplyAwaitingLink(int port, string deviceName, string key)
        {
            _topic = "$sys/" + ProductId + "/" + deviceName + "/thing/property/post";
            string password = key == null ? "none"
                : OneNetToken.Build(ProductId, deviceName, key, "sha256", DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds(), new HmacSigner());
            _link.SetListener(this);
            int code = _link.Connect(new MqttConnectOptions
            {
                Host = "127.0.0.1", Port = port, ClientId = deviceName, UserName = ProductId, Password = password,
                KeepAliveSeconds = 120, TimeoutMilliseconds = 10000,
            });
            if (code != ConnectResult.Accepted || !_link.Subscribe(new[] { _topic + "/reply" }))
            {
                throw new InvalidOperationException(deviceName + ": connect/subscribe failed (" + code + ")");
            }
        }

        /// <summary>Publishes the post (QoS 1 waits for the PUBACK, as MqttNetLink does).</summary>
        public bool Publish(int qos) => _link.Publish(_topic, Post, Post.Length, qos);

        public bool AwaitReply() => _replies.Wait(5000);

        public bool PostAndAwaitReply(int qos) => Publish(qos) && AwaitReply();

        public void OnMessage(string topic, byte[] payload) => _replies.Release();

        public void OnConnectionLost()
        {
        }

        public void Dispose() => _link.Dispose();
    }
}
