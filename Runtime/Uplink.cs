using OneNetFirmware.OneNet;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The one way out to OneNET (docs/architecture.md "Uplink"): owns the MQTT link, the topics, the OneJSON writer,
    /// the payload buffer, the pacer and the request ids, and is the only object that publishes. The outbox, the event
    /// outbox, the downlink replies, the desired get/delete requests and the diagnostics only decide what goes next:
    /// they write into Buffer with Writer and an id from NextId, then call Publish. Main loop only (the buffer is
    /// shared); the supervisor's thread uses Link and Topics only to connect and subscribe.
    /// </summary>
    public sealed class Uplink
    {
        private readonly IMqttLink _link;
        private readonly OneNetTopics _topics;
        private readonly IOneJsonWriter _writer;
        private readonly PropertyTable _properties;
        private readonly byte[] _buffer;
        private readonly UplinkPacer _pacer = new UplinkPacer();
        private readonly RequestIds _ids = new RequestIds();

        public Uplink(IMqttLink link, OneNetTopics topics, IOneJsonWriter writer, PropertyTable properties, int bufferBytes)
        {
            _link = link;
            _topics = topics;
            _writer = writer;
            _properties = properties;
            _buffer = new byte[bufferBytes];
        }

        public IMqttLink Link { get { return _link; } }

        public OneNetTopics Topics { get { return _topics; } }

        public IOneJsonWriter Writer { get { return _writer; } }

        public PropertyTable Properties { get { return _properties; } }

        /// <summary>The one payload buffer: written and published in the same main-loop call, never kept.</summary>
        public byte[] Buffer { get { return _buffer; } }

        /// <summary>True when the pacer gives the next uplink slot at nowMs (about one uplink per second).</summary>
        public bool CanSend(long nowMs)
        {
            return _pacer.CanSend(nowMs);
        }

        /// <summary>The id for the next request or post (unique across every kind, so any reply finds its sender).</summary>
        public int NextId()
        {
            return _ids.Next();
        }

        /// <summary>
        /// Publishes the first length bytes of Buffer on topic (QoS 0: OneNET's …/reply is the acknowledgement) and takes
        /// the uplink slot, sent or not: a publish on a down link returns false at once and waits its turn like any other.
        /// </summary>
        public bool Publish(string topic, int length, long nowMs)
        {
            bool sent = _link.Publish(topic, _buffer, length, 0);
            _pacer.Sent(nowMs);
            return sent;
        }
    }
}
