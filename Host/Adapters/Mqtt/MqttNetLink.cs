using System;
using System.Buffers;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Mqtt
{
    /// <summary>
    /// The host's IMqttLink over MQTTnet: MQTT 3.1.1, clean session, no will, never retained, QoS 0 subscriptions.
    /// Blocking calls over MQTTnet's async API, each bounded by the Connect options' timeout; nothing throws.
    /// A new client per Connect (as on the device), so a late event of an old session cannot reach the listener.
    /// </summary>
    public sealed class MqttNetLink : IMqttLink, IDisposable
    {
        private readonly object _gate = new();
        private IMqttLinkListener _listener;
        private IMqttClient _client;
        private TimeSpan _timeout = TimeSpan.FromSeconds(10);

        public void SetListener(IMqttLinkListener listener)
        {
            _listener = listener;
        }

        public bool IsConnected
        {
            get
            {
                IMqttClient client = _client;
                return client != null && client.IsConnected;
            }
        }

        public int Connect(MqttConnectOptions options)
        {
            Disconnect();
            if (options == null || string.IsNullOrEmpty(options.Host)) return ConnectResult.NetworkError;
            _timeout = TimeSpan.FromMilliseconds(options.TimeoutMilliseconds > 0 ? options.TimeoutMilliseconds : 10000);
            MqttClientOptions clientOptions;
            try
            {
                clientOptions = BuildOptions(options, _timeout);
            }
            catch (Exception)
            {
                // A CA PEM that does not parse: the broker cannot be trusted, so it counts as unreachable.
                return ConnectResult.NetworkError;
            }
            IMqttClient client = new MqttClientFactory().CreateMqttClient();
            client.ApplicationMessageReceivedAsync += e => OnReceived(client, e);
            client.DisconnectedAsync += e => OnDisconnected(client, e);
            lock (_gate) _client = client;
            try
            {
                using var cts = new CancellationTokenSource(_timeout);
                MqttClientConnectResult result = client.ConnectAsync(clientOptions, cts.Token).GetAwaiter().GetResult();
                int code = ToConnackCode(result.ResultCode);
                if (code != ConnectResult.Accepted) Release(client);
                return code;
            }
            catch (Exception)
            {
                // MQTTnet 5 returns refusals as results; an exception is TCP, TLS, a timeout or a drop without CONNACK.
                Release(client);
                return ConnectResult.NetworkError;
            }
        }

        public bool Subscribe(string[] topicFilters)
        {
            IMqttClient client = _client;
            if (client == null || !client.IsConnected || topicFilters == null || topicFilters.Length == 0) return false;
            try
            {
                var builder = new MqttClientSubscribeOptionsBuilder();
                foreach (string filter in topicFilters)
                {
                    builder.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtMostOnce);
                }
                using var cts = new CancellationTokenSource(_timeout);
                MqttClientSubscribeResult result = client.SubscribeAsync(builder.Build(), cts.Token).GetAwaiter().GetResult();
                return result.Items.Count == topicFilters.Length
                    && result.Items.All(i => i.ResultCode <= MqttClientSubscribeResultCode.GrantedQoS2);
            }
            catch (Exception)
            {
                return false;
            }
        }

        public bool Publish(string topic, byte[] payload, int count, int qos)
        {
            IMqttClient client = _client;
            if (client == null || !client.IsConnected || string.IsNullOrEmpty(topic) || (qos != 0 && qos != 1)) return false;
            if (payload == null ? count != 0 : count < 0 || count > payload.Length) return false;
            try
            {
                // A copy, so the caller may reuse its buffer even if a timed-out send is still in flight.
                byte[] copy = new byte[count];
                if (count > 0) Array.Copy(payload, copy, count);
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(topic)
                    .WithPayload(copy)
                    .WithQualityOfServiceLevel(qos == 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce)
                    .WithRetainFlag(false)
                    .Build();
                using var cts = new CancellationTokenSource(_timeout);
                MqttClientPublishResult result = client.PublishAsync(message, cts.Token).GetAwaiter().GetResult();
                return result.IsSuccess;
            }
            catch (Exception)
            {
                return false;
            }
        }

        public void Disconnect()
        {
            IMqttClient client;
            lock (_gate)
            {
                client = _client;
                _client = null;
            }
            if (client == null) return;
            try
            {
                if (client.IsConnected)
                {
                    using var cts = new CancellationTokenSource(_timeout);
                    client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cts.Token).GetAwaiter().GetResult();
                }
            }
            catch (Exception)
            {
                // The session is gone either way.
            }
            client.Dispose();
        }

        public void Dispose()
        {
            Disconnect();
        }

        private void Release(IMqttClient client)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_client, client)) _client = null;
            }
            try
            {
                client.Dispose();
            }
            catch (Exception)
            {
            }
        }

        private Task OnReceived(IMqttClient client, MqttApplicationMessageReceivedEventArgs e)
        {
            IMqttLinkListener listener = _listener;
            if (listener != null && ReferenceEquals(client, _client))
            {
                try
                {
                    // The listener owns what it is given, so a fresh array per message: ToArray copies MQTTnet's
                    // ReadOnlySequence payload into a new array, whatever memory backs it.
                    listener.OnMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
                }
                catch (Exception)
                {
                    // A listener bug must not kill MQTTnet's receive loop.
                }
            }
            return Task.CompletedTask;
        }

        private Task OnDisconnected(IMqttClient client, MqttClientDisconnectedEventArgs e)
        {
            // Only a session that was up and is still the current one was "lost"; Disconnect() clears _client first.
            bool current;
            lock (_gate)
            {
                current = e.ClientWasConnected && ReferenceEquals(client, _client);
            }
            IMqttLinkListener listener = _listener;
            if (current && listener != null)
            {
                try
                {
                    listener.OnConnectionLost();
                }
                catch (Exception)
                {
                }
            }
            return Task.CompletedTask;
        }

        private static MqttClientOptions BuildOptions(MqttConnectOptions o, TimeSpan timeout)
        {
            var builder = new MqttClientOptionsBuilder()
                .WithTcpServer(o.Host, o.Port)
                .WithProtocolVersion(MqttProtocolVersion.V311)
                .WithClientId(o.ClientId ?? "")
                .WithCredentials(o.UserName, o.Password)
                .WithCleanSession(true)
                .WithKeepAlivePeriod(TimeSpan.FromSeconds(o.KeepAliveSeconds))
                .WithTimeout(timeout);
            if (o.Tls)
            {
                X509Certificate2 ca = o.CaCertificatePem == null ? null : X509Certificate2.CreateFromPem(o.CaCertificatePem);
                builder.WithTlsOptions(t => t
                    .UseTls(true)
                    .WithTargetHost(o.Host)
                    .WithCertificateValidationHandler(args => CaTrust.IsSignedBy(args.Certificate, ca)));
            }
            return builder.Build();
        }

        /// <summary>MQTT 3.1.1 CONNACK codes 1–5 from MQTTnet's MQTT 5 style result codes.</summary>
        internal static int ToConnackCode(MqttClientConnectResultCode code)
        {
            switch (code)
            {
                case MqttClientConnectResultCode.Success: return 0;
                case MqttClientConnectResultCode.UnsupportedProtocolVersion: return 1;
                case MqttClientConnectResultCode.ClientIdentifierNotValid: return 2;
                case MqttClientConnectResultCode.ServerUnavailable: return 3;
                case MqttClientConnectResultCode.BadUserNameOrPassword: return 4;
                case MqttClientConnectResultCode.NotAuthorized: return 5;
                default: return ConnectResult.NetworkError;
            }
        }
    }
}
