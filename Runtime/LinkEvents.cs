using OneNetFirmware.OneNet;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The MQTT link's listener. It runs on the link's thread, so it only queues: downlinks go to the DownlinkQueue
    /// (the payload array itself, which the link hands over: IMqttLinkListener.OnMessage), a lost connection raises a
    /// flag the supervisor reads on its next step. Nothing reconnects from here.
    /// </summary>
    public sealed class LinkEvents : IMqttLinkListener
    {
        private readonly object _lock = new object();
        private readonly OneNetTopics _topics;
        private readonly DownlinkQueue _queue;
        private bool _lost;
        private int _unknownTopics;

        public LinkEvents(OneNetTopics topics, DownlinkQueue queue)
        {
            _topics = topics;
            _queue = queue;
        }

        public int UnknownTopics { get { lock (_lock) { return _unknownTopics; } } }

        public void OnMessage(string topic, byte[] payload)
        {
            string service;
            DownlinkKind kind = KindOf(_topics, topic, out service);
            if (kind == DownlinkKind.Unknown)
            {
                lock (_lock)
                {
                    _unknownTopics++;
                }
                return;
            }
            _queue.Enqueue(kind, service, payload);
        }

        /// <summary>What the runtime does with a topic (OneNetTopics classifies it); service receives a service call's identifier.</summary>
        public static DownlinkKind KindOf(OneNetTopics topics, string topic, out string service)
        {
            service = null;
            switch (topics.Classify(topic))
            {
                case Downlink.PropertySet: return DownlinkKind.PropertySet;
                case Downlink.PropertyGet: return DownlinkKind.PropertyGet;
                case Downlink.DesiredGetReply: return DownlinkKind.DesiredGetReply;
                case Downlink.DesiredDeleteReply: return DownlinkKind.DesiredDeleteReply;
                case Downlink.PropertyPostReply:
                case Downlink.HistoryPostReply:
                case Downlink.EventPostReply:
                    return DownlinkKind.PostReply;
                case Downlink.OtaInform: return DownlinkKind.OtaInform;
                case Downlink.ServiceInvoke:
                    service = topics.ServiceIdentifier(topic);
                    return DownlinkKind.ServiceInvoke;
                default:
                    return DownlinkKind.Unknown;
            }
        }

        public void OnConnectionLost()
        {
            lock (_lock)
            {
                _lost = true;
            }
        }

        /// <summary>True once after the link reported a lost connection; clears the flag.</summary>
        public bool TakeConnectionLost()
        {
            lock (_lock)
            {
                bool lost = _lost;
                _lost = false;
                return lost;
            }
        }
    }
}
