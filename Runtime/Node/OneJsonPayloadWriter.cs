using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime.Ports;

namespace OneNetFirmware.Runtime.Node
{
    /// <summary>
    /// The runtime's IOneJsonWriter over the protocol's OneJsonWriter (one writer, re-pointed at each buffer). Every
    /// identifier is written from its key encoded once (IdentifierKeys), so a property, event or diagnostics post
    /// allocates nothing and copies each name natively (docs/performance.md).
    /// </summary>
    public sealed class OneJsonPayloadWriter : IOneJsonWriter
    {
        private static readonly byte[] EmptyText = OneJsonWriter.EncodeText(string.Empty);
        private readonly OneJsonWriter _w = new OneJsonWriter(new byte[0], 0, 0);
        private readonly IdentifierKeys _propertyKeys = new IdentifierKeys();
        private readonly IdentifierKeys _eventKeys = new IdentifierKeys();
        private readonly IdentifierKeys _parameterKeys = new IdentifierKeys();
        private readonly IdentifierKeys _diagnosticsKeys = new IdentifierKeys();
        private readonly IdentifierKeys _sensorFailureKeys = new IdentifierKeys();
        private readonly IdentifierKeys _sensorStatusKeys = new IdentifierKeys();
        // The reset reason's JSON text, encoded again only when the snapshot holds another string.
        private string _resetReason;
        private byte[] _resetText = EmptyText;

        public int WritePropertyPost(byte[] buffer, int postId, PropertyTable properties, PointBatch points)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginPropertyPost(postId);
            for (int i = 0; i < points.Count; i++)
            {
                long time = points.HasTime[i] ? points.UtcMilliseconds[i] : OneJsonWriter.NoTime;
                int p = points.Property[i];
                byte[] key = _propertyKeys.Get(p, properties.Identifier(p));
                PropertyKind kind = properties.Kind(p);
                if (kind == PropertyKind.Bool) _w.Property(key, points.Value[i] != 0, time);
                else if (kind == PropertyKind.Integer) _w.Property(key, (long)points.Value[i], time);
                else
                {
                    _w.Decimals = properties.Decimals(p);
                    _w.Property(key, points.Value[i], time);
                }
            }
            return _w.End();
        }

        public int WriteHistoryPost(byte[] buffer, int postId, PropertyTable properties, PointBatch points)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginHistoryPost(postId);
            for (int i = 0; i < points.Count; i++)
            {
                int p = points.Property[i];
                if (i == 0 || points.Property[i - 1] != p)
                {
                    if (i > 0) _w.EndHistory();
                    _w.BeginHistory(_propertyKeys.Get(p, properties.Identifier(p)));
                    _w.Decimals = properties.Kind(p) == PropertyKind.Number ? properties.Decimals(p) : 0;
                }
                long time = points.HasTime[i] ? points.UtcMilliseconds[i] : OneJsonWriter.NoTime;
                if (properties.Kind(p) == PropertyKind.Bool) _w.Point(points.Value[i] != 0, time);
                else _w.Point(points.Value[i], time);
            }
            if (points.Count > 0) _w.EndHistory();
            return _w.End();
        }

        public int WriteDiagnosticsPost(byte[] buffer, int postId, DiagnosticsSnapshot d)
        {
            long now = OneJsonWriter.NoTime;
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginPropertyPost(postId);
            // Indexes follow DiagnosticsIdentifiers.All (the order the post writes them).
            _w.Property(Diag(0, DiagnosticsIdentifiers.Uptime), d.UptimeSeconds, now);
            _w.Property(Diag(1, DiagnosticsIdentifiers.Rssi), d.Rssi, now);
            _w.Property(Diag(2, DiagnosticsIdentifiers.FreeMemory), d.FreeMemoryBytes, now);
            _w.Property(Diag(3, DiagnosticsIdentifiers.LargestBlock), d.LargestFreeNativeBlock, now);
            _w.Property(Diag(4, DiagnosticsIdentifiers.Connects), d.MqttConnects, now);
            _w.Property(Diag(5, DiagnosticsIdentifiers.Disconnects), d.MqttDisconnects, now);
            _w.Property(Diag(6, DiagnosticsIdentifiers.AuthFailures), d.AuthFailures, now);
            _w.Property(Diag(7, DiagnosticsIdentifiers.NetworkRestarts), d.NetworkRestarts, now);
            _w.Property(Diag(8, DiagnosticsIdentifiers.QuickDrops), d.QuickDrops, now);
            _w.Property(Diag(9, DiagnosticsIdentifiers.Duplicate), d.DuplicateDeviceSuspected, now);
            _w.Property(Diag(10, DiagnosticsIdentifiers.BootLoopGuard), d.BootLoopGuardActive, now);
            _w.Property(Diag(11, DiagnosticsIdentifiers.Boots), d.BootCount, now);
            _w.PropertyText(Diag(12, DiagnosticsIdentifiers.Reset), ResetText(d.LastResetReason), now);
            _w.Property(Diag(13, DiagnosticsIdentifiers.OutboxDepth), d.OutboxDepth, now);
            _w.Property(Diag(14, DiagnosticsIdentifiers.OutboxDropped), d.OutboxDropped, now);
            _w.Property(Diag(15, DiagnosticsIdentifiers.Rejected), d.RejectedReadings, now);
            _w.Property(Diag(16, DiagnosticsIdentifiers.SensorFailures), d.SensorReadFailures, now);
            _w.Property(Diag(17, DiagnosticsIdentifiers.EventsDropped), d.EventsDropped, now);
            _w.Property(Diag(18, DiagnosticsIdentifiers.BadDownlinks), d.BadDownlinks, now);
            for (int i = 0; i < d.SensorFailures.Length; i++)
            {
                _w.Property(_sensorFailureKeys.Get(i, d.SensorFailuresIds[i]), d.SensorFailures[i], now);
                _w.Property(_sensorStatusKeys.Get(i, d.SensorStatusIds[i]), d.SensorStatus[i], now);
            }
            return _w.End();
        }

        public int WriteReply(byte[] buffer, string requestId, int code, string message)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginReply(requestId, code, message);
            return _w.End();
        }

        public int WriteGetReply(byte[] buffer, string requestId, PropertyTable properties, PointBatch points)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginReply(requestId, ReplyCodes.Success, null);
            _w.BeginData();
            for (int i = 0; i < points.Count; i++)
            {
                int p = points.Property[i];
                byte[] key = _propertyKeys.Get(p, properties.Identifier(p));
                PropertyKind kind = properties.Kind(p);
                if (kind == PropertyKind.Bool) _w.Member(key, points.Value[i] != 0);
                else if (kind == PropertyKind.Integer) _w.Member(key, (long)points.Value[i]);
                else
                {
                    _w.Decimals = properties.Decimals(p);
                    _w.Member(key, points.Value[i]);
                }
            }
            return _w.End();
        }

        public int WriteEventPost(byte[] buffer, int postId, EventTable events, int eventIndex, bool value, long utcMs)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginEventPost(postId);
            _w.BeginEvent(_eventKeys.Get(eventIndex, events.Identifier(eventIndex)));
            _w.Member(_parameterKeys.Get(eventIndex, events.Parameter(eventIndex)), value);
            _w.EndEvent(utcMs == ReadingTime.None ? OneJsonWriter.NoTime : utcMs);
            return _w.End();
        }

        public int WriteDesiredGet(byte[] buffer, int requestId, PropertyTable properties, int[] propertyIndexes, int count)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginDesiredGet(requestId);
            for (int i = 0; i < count; i++)
            {
                int p = propertyIndexes[i];
                _w.DesiredGetName(_propertyKeys.Get(p, properties.Identifier(p)));
            }
            return _w.End();
        }

        public int WriteDesiredDelete(byte[] buffer, int requestId, PropertyTable properties, int[] propertyIndexes,
            long[] versions, int count)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginDesiredDelete(requestId);
            for (int i = 0; i < count; i++)
            {
                int p = propertyIndexes[i];
                _w.DesiredDeleteMember(_propertyKeys.Get(p, properties.Identifier(p)), versions[i]);
            }
            return _w.End();
        }

        private byte[] Diag(int index, string identifier)
        {
            return _diagnosticsKeys.Get(index, identifier);
        }

        private byte[] ResetText(string reason)
        {
            if (reason == null) return EmptyText;
            if ((object)reason != (object)_resetReason)
            {
                _resetText = OneJsonWriter.EncodeText(reason);
                _resetReason = reason;
            }
            return _resetText;
        }
    }
}
