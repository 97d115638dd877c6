using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>Gathers the diagnostics properties into one preallocated snapshot.</summary>
    public sealed class Diagnostics
    {
        private readonly INetwork _network;
        private readonly IBoard _board;
        private readonly NodeCounters _counters;
        private readonly NodeRecord _record;
        private readonly Outbox _outbox;
        private readonly EventOutbox _events;
        private readonly ISampler _sampler;
        private readonly long _bootMs;
        private readonly string _resetReason;
        private readonly DiagnosticsSnapshot _snapshot;

        public Diagnostics(NodeContext node, INetwork network, Outbox outbox, EventOutbox events, long bootMs)
        {
            _network = network;
            _board = node.Board;
            _counters = node.Counters;
            _record = node.Record;
            _outbox = outbox;
            _events = events;
            _sampler = node.Sampler;
            _snapshot = new DiagnosticsSnapshot(node.Sampler.SensorCount);
            _bootMs = bootMs;
            _resetReason = ResetReason(node.Record, node.Board);
        }

        /// <summary>
        /// Why the board last started, as the diagnostics post reports it for the runtime's whole life: the reason this
        /// runtime recorded before its reboot wins; otherwise what the board says (power-on…).
        /// </summary>
        public static string ResetReason(NodeRecord record, IBoard board)
        {
            return record.PreviousRebootReason.Length > 0 ? record.PreviousRebootReason : board.ResetCause;
        }

        public string LastResetReason { get { return _resetReason; } }

        public void AddReadFailures(int failures)
        {
            _counters.SensorReadFailures += failures;
        }

        public DiagnosticsSnapshot Snapshot(long nowMs)
        {
            DiagnosticsSnapshot s = _snapshot;
            s.UptimeSeconds = (nowMs - _bootMs) / 1000;
            s.Rssi = _network.Rssi;
            s.FreeMemoryBytes = _board.FreeManagedBytes();
            s.LargestFreeNativeBlock = _board.LargestFreeNativeBlock();
            s.MqttConnects = _counters.MqttConnects;
            s.MqttDisconnects = _counters.MqttDisconnects;
            s.AuthFailures = _counters.AuthFailures;
            s.NetworkRestarts = _counters.NetworkRestarts;
            s.QuickDrops = _counters.QuickDrops;
            s.DuplicateDeviceSuspected = _counters.DuplicateDeviceSuspected;
            s.BootLoopGuardActive = _counters.BootLoopGuardActive;
            s.BootCount = _record.BootCount;
            s.LastResetReason = _resetReason;
            s.OutboxDepth = _outbox.Depth;
            s.OutboxDropped = _outbox.Dropped;
            s.RejectedReadings = _outbox.Rejected;
            s.SensorReadFailures = _counters.SensorReadFailures;
            s.EventsDropped = _events.Dropped + _events.Rejected;
            s.BadDownlinks = _counters.MalformedDownlinks + _counters.OversizeDownlinks;
            for (int i = 0; i < s.SensorFailures.Length; i++)
            {
                s.SensorFailures[i] = _sampler.SensorFailures(i);
                s.SensorStatus[i] = _sampler.SensorStatus(i);
            }
            return s;
        }
    }
}
