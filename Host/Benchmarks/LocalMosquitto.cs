using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using OneNetFirmware.Host.Tests.Mqtt;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>
    /// A private Mosquitto (Debian package) on a free loopback port, plus a responder client that answers every
    /// property, event and history post on its `/reply` topic with code 200, as OneNET does. Killed on Dispose.
    /// </summary>
    public sealed class LocalMosquitto : IDisposable
    {
        private const string Binary = "/usr/sbin/mosquitto";
        private readonly string _config = Path.Combine(Path.GetTempPath(), "mosquitto-bench-" + Guid.NewGuid().ToString("N") + ".conf");
        private readonly Process _process;
        private readonly IMqttClient _responder;

        public int Port { get; } = FreePort.Next();

        /// <param name="tcpNoDelay">Mosquitto's `set_tcp_nodelay` (off by default: Nagle delays its small writes).</param>
        public LocalMosquitto(bool tcpNoDelay)
        {
            if (!File.Exists(Binary)) throw new InvalidOperationException("mosquitto is not installed (Debian package `mosquitto`)");
            File.WriteAllText(_config, "allow_anonymous true\npersistence false\nlog_dest none\nset_tcp_nodelay " + (tcpNoDelay ? "true" : "false")
                + "\nlistener " + Port + " 127.0.0.1\n");
            _process = Process.Start(new ProcessStartInfo(Binary, new[] { "-c", _config }) { UseShellExecute = false, RedirectStandardError = true });
            DateTime end = DateTime.UtcNow.AddSeconds(10);
            while (!FreePort.Accepts(Port))
            {
                if (_process.HasExited || DateTime.UtcNow > end) throw new InvalidOperationException("mosquitto did not start");
                Thread.Sleep(50);
            }
            _responder = new MqttClientFactory().CreateMqttClient();
            _responder.ApplicationMessageReceivedAsync += e => ReplyAsync(e.ApplicationMessage);
            _responder.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Port)
                .WithProtocolVersion(MqttProtocolVersion.V311).WithClientId("onenet-responder").Build()).GetAwaiter().GetResult();
            foreach (string post in new[] { "property/post", "event/post", "history/post" })
            {
                _responder.SubscribeAsync("$sys/+/+/thing/" + post, MqttQualityOfServiceLevel.AtMostOnce).GetAwaiter().GetResult();
            }
        }

        /// <summary>{"id":"&lt;the post's id&gt;","code":200,"msg":"success"} on the post's topic + /reply, QoS 0.</summary>
        private Task ReplyAsync(MqttApplicationMessage post)
        {
            string text = Encoding.UTF8.GetString(post.Payload);
            int start = text.IndexOf("\"id\":\"", StringComparison.Ordinal) + 6;
            string id = start >= 6 ? text.Substring(start, text.IndexOf('"', start) - start) : "";
            var reply = new MqttApplicationMessageBuilder().WithTopic(post.Topic + "/reply")
                .WithPayload("{\"id\":\"" + id + "\",\"code\":200,\"msg\":\"success\"}").Build();
            return _responder.PublishAsync(reply);
        }

        public void Dispose()
        {
            _responder.Dispose();
            if (!_process.HasExited) _process.Kill();
            _process.WaitForExit(5000);
            _process.Dispose();
            File.Delete(_config);
        }
    }
}
