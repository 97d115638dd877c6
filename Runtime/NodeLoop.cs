using OneNetFirmware.OneNet;
using OneNetFirmware.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The main loop's step: beats the heartbeat, applies queued downlinks, samples the sensors that are due (input
    /// changes become events), asks for one merged property post every report interval, starts each new session
    /// (resend, output states, desired/get), deletes handled desired values, posts diagnostics, and lets the event queue
    /// and the outbox send. It never blocks on the network: a publish on a down link returns false.
    /// </summary>
    public sealed class NodeLoop : IReadingSink
    {
        private readonly IClock _clock;
        private readonly Supervisor _supervisor;
        private readonly Heartbeat _heartbeat;
        private readonly ISampler _sampler;
        private readonly Outbox _outbox;
        private readonly EventOutbox _events;
        private readonly DownlinkHandler _downlinks;
        private readonly IMqttLink _link;
        private readonly OneNetTopics _topics;
        private readonly IOneJsonWriter _writer;
        private readonly PropertyTable _properties;
        private readonly RuntimeSettings _settings;
        private readonly Diagnostics _diagnostics;
        private readonly UplinkPacer _pacer = new UplinkPacer();
        private readonly RequestIds _ids = new RequestIds();
        private readonly byte[] _buffer;
        private readonly int[] _writable;
        private readonly int _writableCount;
        private int _seenSessions;
        private bool _desiredPending;
        private bool _eventWentLast;
        private long _nextReportMs;
        private long _nextDiagnosticsMs;

        public NodeLoop(IClock clock, Supervisor supervisor, Heartbeat heartbeat, ISampler sampler, Outbox outbox,
            EventOutbox events, DownlinkHandler downlinks, IMqttLink link, OneNetTopics topics, IOneJsonWriter writer,
            PropertyTable properties, IOutputs outputs, RuntimeSettings settings, Diagnostics diagnostics,
            int payloadBufferBytes)
        {
            _clock = clock;
            _supervisor = supervisor;
            _heartbeat = heartbeat;
            _sampler = sampler;
            _outbox = outbox;
            _events = events;
            _downlinks = downlinks;
            _link = link;
            _topics = topics;
            _writer = writer;
            _properties = properties;
            _settings = settings;
            _diagnostics = diagnostics;
            _buffer = new byte[payloadBufferBytes];
            _writable = new int[properties.Count];
            for (int i = 0; i < properties.Count; i++)
            {
                string id = properties.Identifier(i);
                if ((outputs != null && outputs.Has(i)) || id == RuntimeSettings.ReportIntervalIdentifier
                    || id == RuntimeSettings.SampleIntervalIdentifier)
                {
                    _writable[_writableCount++] = i;
                }
            }
            long now = clock.NowMilliseconds;
            _nextReportMs = now + settings.ReportIntervalSeconds * 1000L;
            _nextDiagnosticsMs = now;
        }

        /// <summary>One pass of the main loop at nowMs.</summary>
        public void Step(long nowMs)
        {
            _heartbeat.Beat(nowMs);
            int sessions = _supervisor.Sessions;
            if (sessions != _seenSessions)
            {
                if (_seenSessions == 0)
                {
                    // The first session reports at once rather than a whole interval later: a fresh board (and `run`)
                    // shows its readings right after connecting.
                    _nextReportMs = nowMs;
                }
                _seenSessions = sessions;
                _outbox.OnSessionStarted();
                _events.OnSessionStarted();
                _downlinks.OnSessionStarted();
                _desiredPending = _writableCount > 0;
            }
            _downlinks.ApplyQueued(nowMs, _pacer);
            if (_downlinks.RebootAtMilliseconds >= 0 && nowMs >= _downlinks.RebootAtMilliseconds)
            {
                _supervisor.RequestReboot("reboot service invoked");
            }
            bool reportNow = _downlinks.TakeReportNow();
            _diagnostics.AddReadFailures(_sampler.SampleDue(nowMs, reportNow, this));
            if (reportNow || nowMs >= _nextReportMs)
            {
                _outbox.RequestReport();
                _nextReportMs = nowMs + _settings.ReportIntervalSeconds * 1000L;
            }
            bool online = _supervisor.IsOnline;
            if (online && _desiredPending && _pacer.CanSend(nowMs))
            {
                _desiredPending = false;
                int length = _writer.WriteDesiredGet(_buffer, _ids.Next(), _properties, _writable, _writableCount);
                if (length > 0)
                {
                    _link.Publish(_topics.DesiredGet, _buffer, length, 0);
                    _pacer.Sent(nowMs);
                }
            }
            DesiredDeletes deletes = _downlinks.DesiredDeletes;
            if (online && deletes.HasUnsent && _pacer.CanSend(nowMs))
            {
                int id = _ids.Next();
                int length = deletes.Write(_writer, _buffer, id, _properties);
                if (length > 0 && _link.Publish(_topics.DesiredDelete, _buffer, length, 0))
                {
                    deletes.Sent(id);
                    _pacer.Sent(nowMs);
                }
            }
            PumpPosts(nowMs, online);
            if (online && _outbox.IsStalled(nowMs))
            {
                _supervisor.ReportStalled();
            }
            if (online && _settings.DiagnosticsIntervalSeconds > 0 && nowMs >= _nextDiagnosticsMs && _pacer.CanSend(nowMs))
            {
                int length = _writer.WriteDiagnosticsPost(_buffer, _ids.Next(), _diagnostics.Snapshot(nowMs));
                if (length > 0 && _link.Publish(_topics.PropertyPost, _buffer, length, 0))
                {
                    _pacer.Sent(nowMs);
                    _nextDiagnosticsMs = nowMs + _settings.DiagnosticsIntervalSeconds * 1000L;
                }
            }
        }

        /// <summary>
        /// Events go first (their moment matters), but never twice in a row while readings wait for the uplink slot: a
        /// chattering input cannot starve the reports.
        /// </summary>
        private void PumpPosts(long nowMs, bool online)
        {
            if (!_eventWentLast)
            {
                _eventWentLast = _events.Pump(nowMs, online, _link, _topics, _writer, _buffer, _pacer, _ids);
                _outbox.Pump(nowMs, online, _link, _topics, _writer, _buffer, _pacer, _ids);
                return;
            }
            bool free = online && _pacer.CanSend(nowMs);
            _outbox.Pump(nowMs, online, _link, _topics, _writer, _buffer, _pacer, _ids);
            if (free)
            {
                // The outbox took the slot (the flag clears) or had nothing to send (the next event may go).
                _eventWentLast = _pacer.CanSend(nowMs)
                    && _events.Pump(nowMs, online, _link, _topics, _writer, _buffer, _pacer, _ids);
            }
        }

        /// <summary>IReadingSink: a sampled value goes straight into the outbox with the time it was taken.</summary>
        public void Add(int propertyIndex, double value)
        {
            _outbox.Add(propertyIndex, value);
        }

        /// <summary>IReadingSink: an input event goes into the event queue with the time it happened.</summary>
        public void AddEvent(int eventIndex, bool value)
        {
            _events.Add(eventIndex, value);
        }
    }
}
