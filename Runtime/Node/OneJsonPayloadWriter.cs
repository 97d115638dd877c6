using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Node
{
    /// <summary>The runtime's IOneJsonWriter over the protocol's OneJsonWriter (one writer, re-pointed at each buffer).</summary>
    public sealed class OneJsonPayloadWriter : IOneJsonWriter
    {
        private readonly OneJsonWriter _w = new OneJsonWriter(new byte[0], 0, 0);
        private readonly string[] _names = new string[RuntimeDefaults.BatchPoints];

        public int WritePropertyPost(byte[] buffer, int postId, PropertyTable properties, PointBatch points)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginPropertyPost(postId);
            for (int i = 0; i < points.Count; i++)
            {
                long time = points.HasTime[i] ? points.UtcMilliseconds[i] : OneJsonWriter.NoTime;
                int p = points.Property[i];
                string id = properties.Identifier(p);
                PropertyKind kind = properties.Kind(p);
                if (kind == PropertyKind.Bool) _w.Property(id, points.Value[i] != 0, time);
                else if (kind == PropertyKind.Integer) _w.Property(id, (long)points.Value[i], time);
                else
                {
                    _w.Decimals = properties.Decimals(p);
                    _w.Property(id, points.Value[i], time);
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
                    _w.BeginHistory(properties.Identifier(p));
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
            _w.Property(DiagnosticsIdentifiers.Uptime, d.UptimeSeconds, now);
            _w.Property(DiagnosticsIdentifiers.Rssi, d.Rssi, now);
            _w.Property(DiagnosticsIdentifiers.FreeMemory, d.FreeMemoryBytes, now);
            _w.Property(DiagnosticsIdentifiers.LargestBlock, d.LargestFreeNativeBlock, now);
            _w.Property(DiagnosticsIdentifiers.Connects, d.MqttConnects, now);
            _w.Property(DiagnosticsIdentifiers.Disconnects, d.MqttDisconnects, now);
            _w.Property(DiagnosticsIdentifiers.AuthFailures, d.AuthFailures, now);
            _w.Property(DiagnosticsIdentifiers.NetworkRestarts, d.NetworkRestarts, now);
            _w.Property(DiagnosticsIdentifiers.QuickDrops, d.QuickDrops, now);
            _w.Property(DiagnosticsIdentifiers.Duplicate, d.DuplicateDeviceSuspected, now);
            _w.Property(DiagnosticsIdentifiers.BootLoopGuard, d.BootLoopGuardActive, now);
            _w.Property(DiagnosticsIdentifiers.Boots, d.BootCount, now);
            _w.Property(DiagnosticsIdentifiers.Reset, d.LastResetReason == null ? "" : d.LastResetReason, now);
            _w.Property(DiagnosticsIdentifiers.OutboxDepth, d.OutboxDepth, now);
            _w.Property(DiagnosticsIdentifiers.OutboxDropped, d.OutboxDropped, now);
            _w.Property(DiagnosticsIdentifiers.Rejected, d.RejectedReadings, now);
            _w.Property(DiagnosticsIdentifiers.SensorFailures, d.SensorReadFailures, now);
            _w.Property(DiagnosticsIdentifiers.EventsDropped, d.EventsDropped, now);
            _w.Property(DiagnosticsIdentifiers.BadDownlinks, d.BadDownlinks, now);
            for (int i = 0; i < d.SensorFailures.Length; i++)
            {
                _w.Property(d.SensorFailuresIds[i], d.SensorFailures[i], now);
                _w.Property(d.SensorStatusIds[i], d.SensorStatus[i], now);
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
                string id = properties.Identifier(p);
                PropertyKind kind = properties.Kind(p);
                if (kind == PropertyKind.Bool) _w.Member(id, points.Value[i] != 0);
                else if (kind == PropertyKind.Integer) _w.Member(id, (long)points.Value[i]);
                else
                {
                    _w.Decimals = properties.Decimals(p);
                    _w.Member(id, points.Value[i]);
                }
            }
            return _w.End();
        }

        public int WriteEventPost(byte[] buffer, int postId, EventTable events, int eventIndex, bool value, long utcMs)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginEventPost(postId);
            _w.BeginEvent(events.Identifier(eventIndex));
            _w.Member(events.Parameter(eventIndex), value);
            _w.EndEvent(utcMs == ReadingTime.None ? OneJsonWriter.NoTime : utcMs);
            return _w.End();
        }

        public int WriteDesiredGet(byte[] buffer, int requestId, PropertyTable properties, int[] propertyIndexes, int count)
        {
            if (count > _names.Length) return -1;
            for (int i = 0; i < count; i++) _names[i] = properties.Identifier(propertyIndexes[i]);
            _w.SetBuffer(buffer, 0, buffer.Length);
            return _w.DesiredGet(requestId, _names, count);
        }

        public int WriteDesiredDelete(byte[] buffer, int requestId, PropertyTable properties, int[] propertyIndexes,
            long[] versions, int count)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginDesiredDelete(requestId);
            for (int i = 0; i < count; i++) _w.DesiredDeleteMember(properties.Identifier(propertyIndexes[i]), versions[i]);
            return _w.End();
        }
    }
}
