using OneNetFirmware.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The MQTT link's listener. It runs on the link's thread, so it only queues: downlinks go to the DownlinkQueue,
    /// a lost connection raises a flag the supervisor reads on its next step. Nothing reconnects from here.
    /// </summary>
    public sealed class LinkEvents : IMqttLinkListener
    {
        private readonly object _lock = new object();
        private readonly TopicSet _topics;
        private readonly DownlinkQueue _queue;
        private bool _lost;
        private int _unknownTopics;

        public LinkEvents(TopicSet topics, DownlinkQueue queue)
        {
            _topics = topics;
            _queue = queue;
        }

        public int UnknownTopics { get { lock (_lock) { return _unknownTopics; } } }

        public void OnMessage(string topic, byte[] payload)
        {
            string service;
            DownlinkKind kind = _topics.Classify(topic, out service);
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
