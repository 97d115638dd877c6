using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime.Ports;

namespace OneNetFirmware.Runtime.Node
{
    /// <summary>
    /// The runtime's IOneJsonWriter over the protocol's OneJsonWriter (one writer, re-pointed at each buffer). Every
    /// identifier is written from its key encoded once (properties and events: their table's PropertyTable.Key; event
    /// parameters and diagnostics: IdentifierKeys, at the first post), so a property, event or diagnostics post
    /// allocates nothing and copies each name natively (docs/performance.md). Next to each Write… its Max…Bytes bound,
    /// computed once at startup to size the uplink's buffer (docs/performance.md "Payload buffer").
    /// </summary>
    public sealed class OneJsonPayloadWriter : IOneJsonWriter
    {
        private static readonly byte[] EmptyText = OneJsonWriter.EncodeText(string.Empty);
        private readonly OneJsonWriter _w = new OneJsonWriter(new byte[0], 0, 0);
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
                byte[] key = properties.Key(p);
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

        /// <summary>The largest property/post (a report): one point of every property, each value at its longest.</summary>
        public static int MaxPropertyPostBytes(PropertyTable properties)
        {
            int n = OneJsonWriter.MaxPostBytes();
            for (int p = 0; p < properties.Count; p++)
            {
                n += OneJsonWriter.MaxPropertyBytes(properties.Key(p), MaxValueBytes(properties, p), true);
            }
            return n;
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
                    _w.BeginHistory(properties.Key(p));
                    _w.Decimals = properties.Kind(p) == PropertyKind.Number ? properties.Decimals(p) : 0;
                }
                long time = points.HasTime[i] ? points.UtcMilliseconds[i] : OneJsonWriter.NoTime;
                if (properties.Kind(p) == PropertyKind.Bool) _w.Point(points.Value[i] != 0, time);
                else _w.Point(points.Value[i], time);
            }
            if (points.Count > 0) _w.EndHistory();
            return _w.End();
        }

        /// <summary>The largest history/post of one point (the outbox halves a batch until it fits; one point must).</summary>
        public static int MaxHistoryPostBytes(PropertyTable properties)
        {
            int point = 0;
            for (int p = 0; p < properties.Count; p++)
            {
                byte[] key = properties.Key(p);
                int n = OneJsonWriter.MaxHistoryBytes(key) + OneJsonWriter.MaxPointBytes(MaxValueBytes(properties, p));
                if (n > point) point = n;
            }
            return OneJsonWriter.MaxHistoryPostBytes() + point;
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

        /// <summary>
        /// The largest diagnostics post of this snapshot's sensors and reset reason (both fixed for a runtime's life):
        /// every counter at its longest (uptime a long, the flags bools, the rest ints, as DiagnosticsSnapshot holds them).
        /// </summary>
        public static int MaxDiagnosticsPostBytes(DiagnosticsSnapshot d)
        {
            int n = OneJsonWriter.MaxPostBytes();
            string[] all = DiagnosticsIdentifiers.All;
            for (int i = 0; i < all.Length; i++)
            {
                string id = all[i];
                int value = OneJsonWriter.MaxIntBytes;
                if (id == DiagnosticsIdentifiers.Uptime) value = OneJsonWriter.MaxLongBytes;
                else if (id == DiagnosticsIdentifiers.Duplicate || id == DiagnosticsIdentifiers.BootLoopGuard)
                {
                    value = OneJsonWriter.MaxBoolBytes;
                }
                else if (id == DiagnosticsIdentifiers.Reset)
                {
                    value = OneJsonWriter.EncodeText(d.LastResetReason == null ? string.Empty : d.LastResetReason).Length;
                }
                n += OneJsonWriter.MaxPropertyBytes(OneJsonWriter.EncodeKey(id), value, false);
            }
            for (int i = 0; i < d.SensorFailures.Length; i++)
            {
                n += OneJsonWriter.MaxPropertyBytes(OneJsonWriter.EncodeKey(d.SensorFailuresIds[i]), OneJsonWriter.MaxIntBytes, false);
                n += OneJsonWriter.MaxPropertyBytes(OneJsonWriter.EncodeKey(d.SensorStatusIds[i]), OneJsonWriter.MaxIntBytes, false);
            }
            return n;
        }

        public int WriteReply(byte[] buffer, string requestId, int code, string message)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginReply(requestId, code, message);
            return _w.End();
        }

        /// <summary>The largest set/invoke reply to a OneNET request id: a standard msg, or one no longer than longestMessage.</summary>
        public static int MaxReplyBytes(string longestMessage)
        {
            return Larger(OneJsonWriter.MaxReplyBytes(null), OneJsonWriter.MaxReplyBytes(longestMessage));
        }

        public int WriteGetReply(byte[] buffer, string requestId, PropertyTable properties, PointBatch points)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginReply(requestId, ReplyCodes.Success, null);
            _w.BeginData();
            for (int i = 0; i < points.Count; i++)
            {
                int p = points.Property[i];
                byte[] key = properties.Key(p);
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

        /// <summary>
        /// The largest get_reply of up to members points: the names of a get may repeat, so each point may be the
        /// longest readable property.
        /// </summary>
        public static int MaxGetReplyBytes(PropertyTable properties, int members)
        {
            int member = 0;
            for (int p = 0; p < properties.Count; p++)
            {
                int n = OneJsonWriter.MaxMemberBytes(properties.Key(p), MaxValueBytes(properties, p));
                if (n > member) member = n;
            }
            return OneJsonWriter.MaxReplyBytes(ReplyCodes.Message(ReplyCodes.Success)) + OneJsonWriter.MaxDataBytes() + members * member;
        }

        public int WriteEventPost(byte[] buffer, int postId, EventTable events, int eventIndex, bool value, long utcMs)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginEventPost(postId);
            _w.BeginEvent(events.Key(eventIndex));
            _w.Member(_parameterKeys.Get(eventIndex, events.Parameter(eventIndex)), value);
            _w.EndEvent(utcMs == ReadingTime.None ? OneJsonWriter.NoTime : utcMs);
            return _w.End();
        }

        /// <summary>The largest event post: the event with the longest identifier and parameter, its value false.</summary>
        public static int MaxEventPostBytes(EventTable events)
        {
            int item = 0;
            for (int e = 0; e < events.Count; e++)
            {
                int member = OneJsonWriter.MaxMemberBytes(OneJsonWriter.EncodeKey(events.Parameter(e)), OneJsonWriter.MaxBoolBytes);
                int n = OneJsonWriter.MaxEventBytes(events.Key(e), member);
                if (n > item) item = n;
            }
            return OneJsonWriter.MaxPostBytes() + item;
        }

        public int WriteDesiredGet(byte[] buffer, int requestId, PropertyTable properties, int[] propertyIndexes, int count)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginDesiredGet(requestId);
            for (int i = 0; i < count; i++)
            {
                int p = propertyIndexes[i];
                _w.DesiredGetName(properties.Key(p));
            }
            return _w.End();
        }

        /// <summary>The largest desired/get: every property (a superset of the writable ones the node asks for).</summary>
        public static int MaxDesiredGetBytes(PropertyTable properties)
        {
            int n = OneJsonWriter.MaxDesiredGetBytes();
            for (int p = 0; p < properties.Count; p++) n += OneJsonWriter.MaxDesiredGetNameBytes(properties.Key(p));
            return n;
        }

        public int WriteDesiredDelete(byte[] buffer, int requestId, PropertyTable properties, int[] propertyIndexes,
            long[] versions, int count)
        {
            _w.SetBuffer(buffer, 0, buffer.Length);
            _w.BeginDesiredDelete(requestId);
            for (int i = 0; i < count; i++)
            {
                int p = propertyIndexes[i];
                _w.DesiredDeleteMember(properties.Key(p), versions[i]);
            }
            return _w.End();
        }

        /// <summary>
        /// The largest desired/delete: every property (a desired value of any property is deleted once handled), each
        /// with the longest version.
        /// </summary>
        public static int MaxDesiredDeleteBytes(PropertyTable properties)
        {
            int n = OneJsonWriter.MaxPostBytes();
            for (int p = 0; p < properties.Count; p++) n += OneJsonWriter.MaxDesiredDeleteBytes(properties.Key(p));
            return n;
        }

        /// <summary>
        /// The largest payload this node can write in one uplink (bytes), computed once when the node is built: the
        /// largest of the bounds above. A history/post of more than one point may be larger: the outbox halves it.
        /// </summary>
        public static int MaxPayloadBytes(PropertyTable properties, EventTable events, DiagnosticsSnapshot diagnostics,
            string longestReplyMessage)
        {
            int n = MaxPropertyPostBytes(properties);
            n = Larger(n, MaxHistoryPostBytes(properties));
            n = Larger(n, MaxDiagnosticsPostBytes(diagnostics));
            n = Larger(n, MaxReplyBytes(longestReplyMessage));
            n = Larger(n, MaxGetReplyBytes(properties, RuntimeDefaults.MaxDownlinkMembers));
            n = Larger(n, MaxEventPostBytes(events));
            n = Larger(n, MaxDesiredGetBytes(properties));
            return Larger(n, MaxDesiredDeleteBytes(properties));
        }

        private static int Larger(int a, int b)
        {
            return a > b ? a : b;
        }

        // The longest value text of property p as the posts write it: bools, integers as longs, numbers with decimals.
        private static int MaxValueBytes(PropertyTable properties, int p)
        {
            PropertyKind kind = properties.Kind(p);
            if (kind == PropertyKind.Bool) return OneJsonWriter.MaxBoolBytes;
            if (kind == PropertyKind.Integer) return OneJsonWriter.MaxLongBytes;
            return OneJsonWriter.MaxNumberBytes(properties.Decimals(p));
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
