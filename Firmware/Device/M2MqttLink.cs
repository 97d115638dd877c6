using System;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Device
{
    /// <summary>
    /// IMqttLink on the ESP32 over nanoFramework.M2Mqtt 5.1.220 (docs/device-runtime.md "MQTT"). A new MqttClient per Connect
    /// (its constructor resolves DNS once and throws while the network is down); the old one is disposed defensively.
    /// MQTT 3.1.1, clean session, no will. The library's events are forwarded to the listener, which only queues work.
    /// </summary>
    public class M2MqttLink : IMqttLink
    {
        private readonly int _inflightQueueSize;
        private readonly int _subscribeTimeoutMilliseconds;
        private readonly ILog _log;
        private readonly object _lock = new object();
        private readonly AutoResetEvent _subscribed = new AutoResetEvent(false);
        private readonly SubackTracker _subacks = new SubackTracker();

        private IMqttLinkListener _listener;
        private MqttClient _client;
        private bool _closing;
        private ClientEvents _events;

        // The PEM the current certificate was built from: the X509Certificate is reused while the PEM is the same.
        private string _caPem;
        private X509Certificate _caCertificate;

        /// <param name="inflightQueueSize">Bound of M2Mqtt's queue (unbounded by default); the outbox keeps what it refuses.</param>
        public M2MqttLink(int inflightQueueSize, int subscribeTimeoutMilliseconds, ILog log)
        {
            _inflightQueueSize = inflightQueueSize;
            _subscribeTimeoutMilliseconds = subscribeTimeoutMilliseconds;
            _log = log;
        }

        public void SetListener(IMqttLinkListener listener)
        {
            _listener = listener;
        }

        public bool IsConnected
        {
            get
            {
                MqttClient client = _client;
                return client != null && client.IsConnected;
            }
        }

        public int Connect(MqttConnectOptions options)
        {
            Disconnect();
            MqttClient client = null;
            try
            {
                X509Certificate ca = options.Tls ? CaCertificate(options.CaCertificatePem) : null;
                client = new MqttClient(options.Host, options.Port, options.Tls, ca, null, options.Tls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                client.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
                client.Settings.InflightQueueSize = _inflightQueueSize;
                // Each client gets its own handler object that knows its session, so a late SUBACK or close of an
                // earlier client can never be taken for this one's (message ids restart at 1 per client).
                ClientEvents events = new ClientEvents(this, _subacks.NewSession());
                events.Attach(client);
                // M2Mqtt waits up to its fixed 30 s for the CONNACK; TCP connect has no managed timeout, which is why
                // the supervisor's own watchdog bounds the whole attempt; options.TimeoutMilliseconds cannot be applied here.
                MqttReasonCode code = client.Connect(options.ClientId, options.UserName, options.Password,
                    false, MqttQoSLevel.AtMostOnce, false, null, null, true, (ushort)options.KeepAliveSeconds);
                int result = ConnackCodes.ToConnectResult((int)code);
                if (result != ConnectResult.Accepted)
                {
                    Release(client, events);
                    return result;
                }
                lock (_lock)
                {
                    _client = client;
                    _events = events;
                    _closing = false;
                }
                return ConnectResult.Accepted;
            }
            catch (Exception ex)
            {
                _log.Warn("mqtt: connect failed: " + ex.Message);
                if (client != null)
                {
                    Release(client, null);
                }
                return ConnectResult.NetworkError;
            }
        }

        public bool Subscribe(string[] topicFilters)
        {
            MqttClient client = _client;
            if (client == null || !client.IsConnected)
            {
                return false;
            }
            try
            {
                MqttQoSLevel[] levels = new MqttQoSLevel[topicFilters.Length];
                for (int i = 0; i < levels.Length; i++)
                {
                    levels[i] = MqttQoSLevel.AtMostOnce;
                }
                _subscribed.Reset();
                _subacks.BeginRequest();
                _subacks.Expect(client.Subscribe(topicFilters, levels));
                int waited = 0;
                while (waited < _subscribeTimeoutMilliseconds)
                {
                    int result = _subacks.Result;
                    if (result != SubackTracker.Pending)
                    {
                        return result == SubackTracker.Granted;
                    }
                    if (!client.IsConnected)
                    {
                        return false;
                    }
                    _subscribed.WaitOne(FirmwareDefaults.SubackPollMilliseconds, false);
                    waited += FirmwareDefaults.SubackPollMilliseconds;
                }
                _log.Warn("mqtt: no SUBACK");
                return false;
            }
            catch (Exception ex)
            {
                _log.Warn("mqtt: subscribe failed: " + ex.Message);
                return false;
            }
        }

        public bool Publish(string topic, byte[] payload, int count, int qos)
        {
            MqttClient client = _client;
            // Publish only enqueues and does not check the session (docs/device-runtime.md "MQTT"): refuse here so the outbox keeps the data.
            if (client == null || !client.IsConnected)
            {
                return false;
            }
            byte[] message = payload;
            if (count != payload.Length)
            {
                message = new byte[count];
                Array.Copy(payload, message, count);
            }
            try
            {
                client.Publish(topic, message, null, null, qos == 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce, false);
                return true;
            }
            catch (Exception)
            {
                return false; // InflightQueueFull or a dead socket
            }
        }

        public void Disconnect()
        {
            MqttClient client;
            ClientEvents events;
            lock (_lock)
            {
                client = _client;
                events = _events;
                _client = null;
                _events = null;
                _closing = true;
            }
            if (client != null)
            {
                Release(client, events);
            }
        }

        private X509Certificate CaCertificate(string pem)
        {
            if (pem == null || pem.Length == 0)
            {
                throw new ArgumentException("TLS needs the OneNET CA certificate (onenet.caCertificatePath)");
            }
            if (pem != _caPem)
            {
                _caCertificate = new X509Certificate(pem);
                _caPem = pem;
            }
            return _caCertificate;
        }

        private void Release(MqttClient client, ClientEvents events)
        {
            if (events != null)
            {
                events.Detach(client);
            }
            try
            {
                client.Disconnect(); // throws when the socket is already dead (docs/device-runtime.md "MQTT")
            }
            catch (Exception)
            {
            }
            try
            {
                client.Dispose();
            }
            catch (Exception)
            {
            }
        }

        // Called from M2Mqtt's dispatch thread through ClientEvents: forward and return. e.Message is the array M2Mqtt
        // allocated for this PUBLISH alone, so it is handed over as it is (docs/device-runtime.md "MQTT").
        private void OnPublishReceived(MqttMsgPublishEventArgs e)
        {
            IMqttLinkListener listener = _listener;
            if (listener != null)
            {
                listener.OnMessage(e.Topic, e.Message);
            }
        }

        private void OnSubscribed(int session, MqttMsgSubscribedEventArgs e)
        {
            bool granted = true;
            MqttQoSLevel[] levels = e.GrantedQoSLevels;
            for (int i = 0; levels != null && i < levels.Length; i++)
            {
                if (levels[i] == MqttQoSLevel.GrantedFailure)
                {
                    granted = false;
                }
            }
            _subacks.Received(session, e.MessageId, granted);
            _subscribed.Set();
        }

        private void OnConnectionClosed(ClientEvents events)
        {
            bool lost;
            lock (_lock)
            {
                // Only the live client's close is a lost session; Disconnect and Connect clear or replace _events first.
                lost = !_closing && _events == events;
            }
            IMqttLinkListener listener = _listener;
            if (lost && listener != null)
            {
                listener.OnConnectionLost();
            }
        }

        /// <summary>One client's event handlers, tagged with its session (M2Mqtt raises them on that client's thread).</summary>
        private sealed class ClientEvents
        {
            private readonly M2MqttLink _link;
            private readonly int _session;

            public ClientEvents(M2MqttLink link, int session)
            {
                _link = link;
                _session = session;
            }

            public void Attach(MqttClient client)
            {
                client.MqttMsgPublishReceived += OnPublishReceived;
                client.MqttMsgSubscribed += OnSubscribed;
                client.ConnectionClosed += OnConnectionClosed;
            }

            public void Detach(MqttClient client)
            {
                client.MqttMsgPublishReceived -= OnPublishReceived;
                client.MqttMsgSubscribed -= OnSubscribed;
                client.ConnectionClosed -= OnConnectionClosed;
            }

            private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
            {
                _link.OnPublishReceived(e);
            }

            private void OnSubscribed(object sender, MqttMsgSubscribedEventArgs e)
            {
                _link.OnSubscribed(_session, e);
            }

            private void OnConnectionClosed(object sender, EventArgs e)
            {
                _link.OnConnectionClosed(this);
            }
        }
    }
}
