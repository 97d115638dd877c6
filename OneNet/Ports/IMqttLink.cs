namespace OneNetFirmware.OneNet.Ports
{
    /// <summary>
    /// One MQTT 3.1.1 session at a time, as the supervisor drives it (clean session, no will, no retain — OneNET
    /// supports none of them). Device: nanoFramework.M2Mqtt 5.1.220, a new MqttClient per Connect. Host: MQTTnet.
    /// Connect, Subscribe and Disconnect are called only from the supervisor thread; Publish from the node's threads.
    /// Nothing here may throw: failures come back as results.
    /// </summary>
    public interface IMqttLink
    {
        /// <summary>Receives what arrives on the session. Set once, before the first Connect.</summary>
        void SetListener(IMqttLinkListener listener);

        /// <summary>
        /// Opens TCP (and TLS when asked), sends CONNECT and waits for CONNACK. Returns the CONNACK return code (0 =
        /// accepted, 1–5 = refused; 4 and 5 mean OneNET rejected the credentials), or ConnectResult.NetworkError when the
        /// broker could not be reached or the link dropped without a CONNACK.
        /// </summary>
        int Connect(MqttConnectOptions options);

        /// <summary>
        /// Sends one SUBSCRIBE with these filters at QoS 0 (OneNET downlinks are QoS 0) and waits for the SUBACK of this
        /// very request — matched by this client's message id, since ids restart at 1 with every client (SubackTracker).
        /// True only when every filter was granted; false when one was refused (0x80), no SUBACK came in time, or the
        /// session is down (IsConnected tells which). The supervisor sends required and optional filters separately.
        /// </summary>
        bool Subscribe(string[] topicFilters);

        /// <summary>
        /// Publishes payload[0..count) at QoS 0 or 1, never retained. False when the session is down or the client's
        /// queue refused it; the caller keeps the data (the outbox), the link never queues by itself.
        /// </summary>
        bool Publish(string topic, byte[] payload, int count, int qos);

        /// <summary>True while the session is up.</summary>
        bool IsConnected { get; }

        /// <summary>Closes the session (DISCONNECT if possible) and releases the client; safe to call at any time.</summary>
        void Disconnect();
    }

    /// <summary>Callbacks from the link's own thread: they must only queue work, never block or reconnect.</summary>
    public interface IMqttLinkListener
    {
        /// <summary>
        /// A message arrived. The payload array belongs to the listener from now on: it may keep it (the downlink queue
        /// does, instead of copying), so the link hands over an array of its own for every message and never writes to
        /// it again. M2Mqtt allocates one per PUBLISH received; MQTTnet's payload is copied out with ToArray
        /// (docs/device-runtime.md "MQTT").
        /// </summary>
        void OnMessage(string topic, byte[] payload);

        /// <summary>The session ended without Disconnect being called (broker closed it, network lost, keep-alive).</summary>
        void OnConnectionLost();
    }

    /// <summary>Well-known results of IMqttLink.Connect besides the CONNACK codes 0–5.</summary>
    public static class ConnectResult
    {
        public const int Accepted = 0;
        public const int BadUserNameOrPassword = 4;
        public const int NotAuthorized = 5;
        public const int NetworkError = -1;

        /// <summary>CONNACK 4 or 5: OneNET refused the token or the device (docs/onenet-protocol.md#connack-codes) — not a network problem.</summary>
        public static bool IsAuthFailure(int code)
        {
            return code == BadUserNameOrPassword || code == NotAuthorized;
        }
    }

    /// <summary>What a CONNECT needs; built by the supervisor with a fresh token before every attempt.</summary>
    public class MqttConnectOptions
    {
        public string Host;
        public int Port;
        public bool Tls;
        /// <summary>PEM of the CA that signs the broker's certificate (the OneNET MQTTS root); null when not using TLS.</summary>
        public string CaCertificatePem;
        public string ClientId;
        public string UserName;
        public string Password;
        public int KeepAliveSeconds;
        /// <summary>How long Connect may take before it gives up (TCP, TLS and CONNACK together).</summary>
        public int TimeoutMilliseconds;
    }
}
