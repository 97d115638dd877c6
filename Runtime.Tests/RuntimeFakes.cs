using OneNetFirmware.Runtime.Node;
using OneNetFirmware.OneNet;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;
using OneNetFirmware.Runtime.Ports;

namespace NFUnitTest.Runtime
{
    /// <summary>A virtual clock for the portable runtime tests (UTC valid from a fixed epoch).</summary>
    public sealed class TestClock : IClock
    {
        public const long Epoch = 1780000000000;
        public long Now;
        public bool UtcValid = true;
        public long NowMilliseconds { get { return Now; } }
        public bool IsUtcValid { get { return UtcValid; } }
        public long UtcUnixMilliseconds { get { return UtcValid ? Epoch + Now : 0; } }
        public void Sleep(int milliseconds) { Now += milliseconds; }
    }

    /// <summary>Returns the values it was given, in turn (jitter the test chooses).</summary>
    public sealed class FixedRandom : IRandomSource
    {
        public int LastMax;
        public bool ReturnMax;
        public int Next(int maxExclusive)
        {
            LastMax = maxExclusive;
            return ReturnMax ? maxExclusive - 1 : 0;
        }
    }

    /// <summary>Records publishes; the writer below puts the post id and point count in the first bytes.</summary>
    public sealed class RecordingLink : IMqttLink
    {
        public bool Up = true;
        public int Publishes;
        public string LastTopic;
        /// <summary>The last payload as text (byte-valued chars; exact for ASCII).</summary>
        public string LastPayload;
        public void SetListener(IMqttLinkListener listener) { }
        public int Connect(MqttConnectOptions options) { return 0; }
        public bool Subscribe(string[] topicFilters) { return true; }
        public bool IsConnected { get { return Up; } }
        public void Disconnect() { }
        public bool Publish(string topic, byte[] payload, int count, int qos)
        {
            if (!Up)
            {
                return false;
            }
            Publishes++;
            LastTopic = topic;
            char[] chars = new char[count];
            for (int i = 0; i < count; i++) chars[i] = (char)payload[i];
            LastPayload = new string(chars);
            return true;
        }
    }

    /// <summary>Keeps the last batch it was asked to write (no JSON: the outbox's choices are what is tested).</summary>
    public sealed class BatchWriter : IOneJsonWriter
    {
        public int LastId;
        public int LastCount;
        public bool LastHistory;
        public long FirstTime;
        public bool FirstHasTime;
        public double FirstValue;
        public int LastEvent;
        public bool LastEventValue;

        public int WritePropertyPost(byte[] buffer, int postId, PropertyTable properties, PointBatch points)
        {
            return Keep(postId, points, false);
        }

        public int WriteHistoryPost(byte[] buffer, int postId, PropertyTable properties, PointBatch points)
        {
            return Keep(postId, points, true);
        }

        private int Keep(int postId, PointBatch points, bool history)
        {
            LastId = postId;
            LastCount = points.Count;
            LastHistory = history;
            FirstTime = points.UtcMilliseconds[0];
            FirstHasTime = points.HasTime[0];
            FirstValue = points.Value[0];
            return 1;
        }

        public int WriteDiagnosticsPost(byte[] buffer, int postId, DiagnosticsSnapshot diagnostics) { return 1; }
        public int WriteReply(byte[] buffer, string requestId, int code, string message) { return 1; }
        public int WriteGetReply(byte[] buffer, string requestId, PropertyTable properties, PointBatch points) { return 1; }
        public int WriteEventPost(byte[] buffer, int postId, EventTable events, int eventIndex, bool value, long utcMs)
        {
            LastId = postId;
            LastEvent = eventIndex;
            LastEventValue = value;
            FirstTime = utcMs;
            return 1;
        }

        public int WriteDesiredGet(byte[] buffer, int requestId, PropertyTable properties, int[] indexes, int count) { return 1; }
        public int WriteDesiredDelete(byte[] buffer, int requestId, PropertyTable properties, int[] indexes, long[] versions, int count) { return 1; }
    }

    /// <summary>
    /// A DownlinkHandler with the real OneJSON reader and writer behind LinkEvents and the queue, on a RecordingLink;
    /// no outputs, no sampler. Arrive hands it a downlink as the MQTT thread would (a fresh array each time: the queue
    /// keeps it), Step applies the queue a second later. The queue reads maxPayloadBytes of a payload and holds
    /// RuntimeDefaults.MaxQueuedDownlinkBytes in all.
    /// </summary>
    public sealed class HandlerRig
    {
        public readonly OneNetTopics Topics = new OneNetTopics("P1", "d1");
        public readonly RecordingLink Link = new RecordingLink();
        public readonly NodeCounters Counters;
        public readonly RuntimeSettings Settings;
        public readonly Uplink Uplink;
        public readonly LinkEvents Events;
        public readonly DownlinkHandler Handler;
        public readonly DownlinkQueue Queue;
        public readonly NullLog Log = new NullLog();
        public long Now = 10000;

        public HandlerRig(int maxPayloadBytes, PropertyTable properties)
            : this(maxPayloadBytes, properties, 1024)
        {
        }

        /// <param name="payloadBytes">The uplink's payload buffer.</param>
        public HandlerRig(int maxPayloadBytes, PropertyTable properties, int payloadBytes)
        {
            var clock = new TestClock();
            NullLog log = Log;
            Queue = new DownlinkQueue(4, maxPayloadBytes, RuntimeDefaults.MaxQueuedDownlinkBytes);
            Events = new LinkEvents(Topics, Queue);
            var node = new NodeContext(new NodePorts(clock, log, null, null), properties, new EventTable(1), null, null, null);
            Counters = node.Counters;
            Settings = node.Settings;
            Uplink = new Uplink(Link, Topics, new OneJsonPayloadWriter(), properties, payloadBytes);
            Handler = new DownlinkHandler(node, Queue, new OneJsonDownlinkParser(), Uplink,
                new Outbox(8, 4096, 10, 16, properties, clock, log), new EventOutbox(2, 10, node.Events, clock, log));
        }

        public void Arrive(string topic, string payload)
        {
            char[] chars = payload.ToCharArray(); // never s[i] on the device (NF0010); one byte per char, as the tests mean it
            byte[] b = new byte[chars.Length];
            for (int i = 0; i < b.Length; i++) b[i] = (byte)chars[i];
            Events.OnMessage(topic, b);
        }

        public void Step()
        {
            Now += 1000;
            Handler.ApplyQueued(Now);
        }
    }

    public sealed class NullLog : ILog
    {
        public int Warnings;
        public void Info(string message) { }
        public void Warn(string message) { Warnings++; }
        public void Error(string message) { }
    }

    /// <summary>A board that only keeps the record text.</summary>
    public sealed class RecordBoard : IBoard
    {
        public string Text = "";
        public int FreeManagedBytes() { return 100000; }
        public int LargestFreeNativeBlock() { return -1; }
        public string ResetCause { get { return "power-on"; } }
        public string LoadRecord() { return Text; }
        public void SaveRecord(string text) { Text = text; }
        public void Reboot() { }
    }
}
