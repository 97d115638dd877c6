using OneNetFirmware.OneNet;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The main loop's step (docs/architecture.md "Data path"): beats the heartbeat, starts each new session (resend,
    /// output states, desired/get), applies queued downlinks, samples the sensors that are due (readings go to the
    /// outbox, input changes to the event outbox), asks for one merged property post every report interval, and gives
    /// the uplink's next slot to whoever has something to send: desired get/delete, events and readings, diagnostics.
    /// Only the Uplink publishes. It never blocks on the network: a publish on a down link returns false.
    /// </summary>
    public sealed class NodeLoop : IReadingSink
    {
        // A field, not a literal in Step: a literal allocates at each use on the device (docs/performance.md).
        private static readonly string RebootReason = "reboot service invoked";

        private readonly Supervisor _supervisor;
        private readonly Heartbeat _heartbeat;
        private readonly ISampler _sampler;
        private readonly Uplink _uplink;
        private readonly Outbox _outbox;
        private readonly EventOutbox _events;
        private readonly DownlinkHandler _downlinks;
        private readonly RuntimeSettings _settings;
        private readonly Diagnostics _diagnostics;
        private readonly int[] _writable;
        private readonly int _writableCount;
        private int _seenSessions;
        private bool _desiredPending;
        private bool _eventWentLast;
        private long _nextReportMs;
        private long _nextDiagnosticsMs;

        public NodeLoop(NodeContext node, Supervisor supervisor, Uplink uplink, Outbox outbox, EventOutbox events,
            DownlinkHandler downlinks, Diagnostics diagnostics)
        {
            _supervisor = supervisor;
            _heartbeat = node.Heartbeat;
            _sampler = node.Sampler;
            _uplink = uplink;
            _outbox = outbox;
            _events = events;
            _downlinks = downlinks;
            _settings = node.Settings;
            _diagnostics = diagnostics;
            PropertyTable properties = node.Properties;
            IOutputs outputs = node.Outputs;
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
            long now = node.Clock.NowMilliseconds;
            _nextReportMs = now + _settings.ReportIntervalSeconds * 1000L;
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
            _downlinks.ApplyQueued(nowMs);
            if (_downlinks.RebootAtMilliseconds >= 0 && nowMs >= _downlinks.RebootAtMilliseconds)
            {
                _supervisor.RequestReboot(RebootReason);
            }
            bool reportNow = _downlinks.TakeReportNow();
            _diagnostics.AddReadFailures(_sampler.SampleDue(nowMs, reportNow, this));
            if (reportNow || nowMs >= _nextReportMs)
            {
                _outbox.RequestReport();
                _nextReportMs = nowMs + _settings.ReportIntervalSeconds * 1000L;
            }
            bool online = _supervisor.IsOnline;
            SendDesired(nowMs, online);
            PumpPosts(nowMs, online);
            if (online && (_outbox.IsStalled(nowMs) || _events.IsStalled(nowMs)))
            {
                _supervisor.ReportStalled();
            }
            SendDiagnostics(nowMs, online);
        }

        /// <summary>After each connect: one desired/get for the writable properties, then the pending desired deletes.</summary>
        private void SendDesired(long nowMs, bool online)
        {
            if (online && _desiredPending && _uplink.CanSend(nowMs))
            {
                _desiredPending = false;
                int length = _uplink.Writer.WriteDesiredGet(_uplink.Buffer, _uplink.NextId(), _uplink.Properties,
                    _writable, _writableCount);
                if (length > 0)
                {
                    _uplink.Publish(_uplink.Topics.DesiredGet, length, nowMs);
                }
            }
            DesiredDeletes deletes = _downlinks.DesiredDeletes;
            if (online && deletes.HasUnsent && _uplink.CanSend(nowMs))
            {
                int id = _uplink.NextId();
                int length = deletes.Write(_uplink.Writer, _uplink.Buffer, id, _uplink.Properties);
                if (length > 0 && _uplink.Publish(_uplink.Topics.DesiredDelete, length, nowMs))
                {
                    deletes.Sent(id);
                }
            }
        }

        private void SendDiagnostics(long nowMs, bool online)
        {
            if (online && _settings.DiagnosticsIntervalSeconds > 0 && nowMs >= _nextDiagnosticsMs && _uplink.CanSend(nowMs))
            {
                int length = _uplink.Writer.WriteDiagnosticsPost(_uplink.Buffer, _uplink.NextId(), _diagnostics.Snapshot(nowMs));
                if (length > 0 && _uplink.Publish(_uplink.Topics.PropertyPost, length, nowMs))
                {
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
                _eventWentLast = _events.Pump(nowMs, online, _uplink);
                _outbox.Pump(nowMs, online, _uplink);
                return;
            }
            bool free = online && _uplink.CanSend(nowMs);
            _outbox.Pump(nowMs, online, _uplink);
            if (free)
            {
                // The outbox took the slot (the flag clears) or had nothing to send (the next event may go).
                _eventWentLast = _uplink.CanSend(nowMs) && _events.Pump(nowMs, online, _uplink);
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
