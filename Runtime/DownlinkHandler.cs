using OneNetFirmware.OneNet;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// Applies queued downlinks on the main loop and answers each request through the Uplink (one uplink per second; a
    /// reply goes before any post, and after MaxReplyWaitMilliseconds it goes anyway, well inside OneNET's 5 s):
    /// property set (all-or-nothing validation: unknown identifier 404, not writable 405, wrong type or out of range 422),
    /// property get, services `reboot` and `report_now`, desired/get and desired/delete replies, post replies for the
    /// outbox and the event queue, and OTA notices (logged and ignored). A request that cannot be read is answered 400
    /// (malformed) or 413 (longer than the queue's MaxPayloadBytes) when its id can be recovered, so OneNET's caller does
    /// not wait for a timeout. Payloads are the link's own arrays, read in place (docs/architecture.md "Downlinks").
    /// Desired values are deleted on the platform once handled, and a set deletes its identifiers' desired values
    /// (DesiredDeletes); every output state the node sets goes to the outbox for the console.
    /// </summary>
    public sealed partial class DownlinkHandler
    {
        public const string RebootService = ReservedIdentifiers.RebootService;
        public const string ReportNowService = ReservedIdentifiers.ReportNowService;
        /// <summary>Every service Invoke answers 200 (the thing model lists these; anything else is answered 404).</summary>
        public static readonly string[] Services = { RebootService, ReportNowService };
        // Fields, not literals in the methods (Services[0], Services[1] too): a literal allocates at each use on the
        // device (docs/performance.md).
        private static readonly string RebootingText = "rebooting";
        private static readonly string UnknownServiceText = "unknown service";

        private readonly DownlinkQueue _queue;
        private readonly IDownlinkParser _parser;
        private readonly Uplink _uplink;
        private readonly PropertyTable _properties;
        private readonly IOutputs _outputs;
        private readonly WritableProperties _writable;
        private readonly Outbox _outbox;
        private readonly EventOutbox _events;
        private readonly NodeCounters _counters;
        private readonly ILog _log;
        private readonly DownlinkMessage _message = new DownlinkMessage(RuntimeDefaults.MaxDownlinkMembers);
        private readonly PointBatch _batch = new PointBatch(RuntimeDefaults.MaxDownlinkMembers);
        private readonly DesiredDeletes _desiredDeletes;
        // Per property: a property/set came in this session, so a desired value that arrives after it is older.
        private readonly bool[] _setThisSession;
        // The invoke_reply topics of the services the node answers, built once (a concatenation per invoke otherwise).
        private readonly string _rebootReplyTopic;
        private readonly string _reportNowReplyTopic;
        private bool _reportNow;
        private long _rebootAtMs = -1;
        private long _replyWaitSinceMs = -1;
        private long _nowMs;

        /// <param name="uplink">Every reply goes out through it (docs/architecture.md "Uplink").</param>
        public DownlinkHandler(NodeContext node, DownlinkQueue queue, IDownlinkParser parser, Uplink uplink, Outbox outbox,
            EventOutbox events)
        {
            _queue = queue;
            _parser = parser;
            _uplink = uplink;
            PropertyTable properties = node.Properties;
            _properties = properties;
            _outputs = node.Outputs;
            _outbox = outbox;
            _events = events;
            _counters = node.Counters;
            _log = node.Log;
            _writable = new WritableProperties(node, outbox);
            _desiredDeletes = new DesiredDeletes(properties.Count);
            _setThisSession = new bool[properties.Count];
            _rebootReplyTopic = uplink.Topics.ServiceInvokeReply(RebootService);
            _reportNowReplyTopic = uplink.Topics.ServiceInvokeReply(ReportNowService);
        }

        /// <summary>The desired values waiting to be deleted on OneNET (the main loop sends them).</summary>
        public DesiredDeletes DesiredDeletes { get { return _desiredDeletes; } }

        /// <summary>
        /// A new session: unanswered desired deletes go again, and every output's state goes to the outbox, so the
        /// console shows it after each connect (at boot: the state it opened at) — unless the outbox still holds one
        /// (each change adds one, so the newest held is the current state).
        /// </summary>
        public void OnSessionStarted()
        {
            _desiredDeletes.OnSessionStarted();
            for (int i = 0; i < _setThisSession.Length; i++)
            {
                _setThisSession[i] = false;
                if (_outputs != null && _outputs.Has(i) && !_outbox.Holds(i))
                {
                    _outbox.Add(i, _outputs.Get(i) ? 1 : 0);
                }
            }
        }

        /// <summary>True once after `report_now` was invoked.</summary>
        public bool TakeReportNow()
        {
            bool now = _reportNow;
            _reportNow = false;
            return now;
        }

        /// <summary>ota/inform notices received (and ignored).</summary>
        public int OtaNotices { get; private set; }

        /// <summary>The time the `reboot` service asked to reboot at, or -1.</summary>
        public long RebootAtMilliseconds { get { return _rebootAtMs; } }

        /// <summary>
        /// Applies up to RuntimeDefaults.DownlinksPerStep queued downlinks, in order. A request (set, get, invoke) waits
        /// while the pacer holds the uplink back, but no longer than MaxReplyWaitMilliseconds since the queue first held a
        /// waiting one.
        /// </summary>
        public void ApplyQueued(long nowMs)
        {
            _nowMs = nowMs;
            for (int n = 0; n < RuntimeDefaults.DownlinksPerStep; n++)
            {
                DownlinkKind next;
                if (!_queue.TryPeekKind(out next))
                {
                    _replyWaitSinceMs = -1;
                    return;
                }
                if (IsRequest(next) && !_uplink.CanSend(nowMs))
                {
                    if (_replyWaitSinceMs < 0)
                    {
                        _replyWaitSinceMs = nowMs;
                    }
                    if (nowMs - _replyWaitSinceMs < RuntimeDefaults.MaxReplyWaitMilliseconds)
                    {
                        return;
                    }
                }
                // The payload is the link's own array, read in place; it is let go when this pass returns.
                byte[] payload;
                DownlinkKind kind;
                string service;
                bool tooLarge;
                int length = _queue.Dequeue(out payload, out kind, out service, out tooLarge);
                if (length < 0)
                {
                    return;
                }
                if (tooLarge)
                {
                    RefuseTooLarge(kind, service, payload, length);
                    continue;
                }
                Apply(nowMs, kind, service, payload, length);
            }
        }

        private void Apply(long nowMs, DownlinkKind kind, string service, byte[] payload, int length)
        {
            if (kind == DownlinkKind.OtaInform)
            {
                // No public source confirms its fields (docs/onenet-protocol.md#topics-and-payloads), and nothing here can update the firmware: not parsed,
                // not answered.
                IgnoreOta(length);
                return;
            }
            bool ok = _parser.Parse(kind, payload, length, _message);
            if (!ok)
            {
                RefuseMalformed(kind, service, payload, length);
                return;
            }
            switch (kind)
            {
                case DownlinkKind.PostReply:
                    int postId;
                    if (_message.TryGetRequestId(out postId))
                    {
                        // Post ids are unique across both queues (one Uplink.NextId): whichever holds it takes the reply,
                        // and both see that the session answers (their stall detection).
                        _outbox.OnReply(postId, _message.Code, _message.Msg);
                        _events.OnReply(postId, _message.Code, _message.Msg);
                    }
                    break;
                case DownlinkKind.DesiredGetReply:
                    if (_message.Code == ReplyCodes.Success)
                    {
                        ApplyDesired();
                    }
                    else
                    {
                        LogDesiredGetRefused();
                    }
                    break;
                case DownlinkKind.DesiredDeleteReply:
                    int deleteId;
                    if (_message.TryGetRequestId(out deleteId) && _desiredDeletes.OnReply(deleteId) > 0
                        && _message.Code != ReplyCodes.Success)
                    {
                        LogDesiredDeleteRefused();
                    }
                    break;
                case DownlinkKind.PropertySet:
                    ApplySet();
                    break;
                case DownlinkKind.PropertyGet:
                    AnswerGet();
                    break;
                case DownlinkKind.ServiceInvoke:
                    Invoke(nowMs, service);
                    break;
            }
        }

        private void ApplySet()
        {
            for (int i = 0; i < _message.Count; i++)
            {
                int code = Check(i);
                if (code != ReplyCodes.Success)
                {
                    Refuse(DownlinkKind.PropertySet, i, code);
                    return;
                }
            }
            for (int i = 0; i < _message.Count; i++)
            {
                if (!Write(i))
                {
                    RefuseRejected(i);
                    return;
                }
            }
            // The set is the newest word on these properties: a desired value still cached for them is stale.
            for (int i = 0; i < _message.Count; i++)
            {
                int index = _properties.IndexOf(_message.Names[i]);
                _setThisSession[index] = true;
                _desiredDeletes.Add(index, DesiredDeletes.AnyVersion);
            }
            Reply(DownlinkKind.PropertySet, null, ReplyCodes.Success, null); // null: the writer's pre-encoded "success"
        }

        /// <summary>
        /// Desired values cached by OneNET (while the node was offline): applied when valid, no reply. Each one applied,
        /// superseded by a set in this session, or invalid is deleted with its version (so it does not come back after
        /// the next connect); one the device failed to carry out is kept for the next connect.
        /// </summary>
        private void ApplyDesired()
        {
            for (int i = 0; i < _message.Count; i++)
            {
                int index = _properties.IndexOf(_message.Names[i]);
                if (index >= 0 && _setThisSession[index])
                {
                    LogDesiredSuperseded(i);
                }
                else
                {
                    int code = Check(i);
                    if (code == ReplyCodes.Success && !Write(i))
                    {
                        LogDesiredNotApplied(i);
                        continue;
                    }
                    if (code != ReplyCodes.Success)
                    {
                        LogDesiredIgnored(i, code);
                    }
                }
                _desiredDeletes.Add(index, _message.Versions[i]);
            }
        }

        private int Check(int i)
        {
            return _writable.Check(_properties.IndexOf(_message.Names[i]), _message.Kinds[i], _message.Numbers[i]);
        }

        private bool Write(int i)
        {
            return _writable.Write(_properties.IndexOf(_message.Names[i]), _message.Numbers[i]);
        }

        private void AnswerGet()
        {
            _batch.Count = 0;
            for (int i = 0; i < _message.Count && _batch.Count < _batch.Capacity; i++)
            {
                int index = _properties.IndexOf(_message.Names[i]);
                if (index < 0)
                {
                    Refuse(DownlinkKind.PropertyGet, i, ReplyCodes.UnknownIdentifier);
                    return;
                }
                double value = _writable.CurrentValue(index);
                if (!double.IsNaN(value))
                {
                    _batch.Property[_batch.Count] = index;
                    _batch.Value[_batch.Count] = value;
                    _batch.HasTime[_batch.Count] = false;
                    _batch.Count++;
                }
            }
            int length = _uplink.Writer.WriteGetReply(_uplink.Buffer, _message.Id, _properties, _batch);
            if (length < 0)
            {
                // Only a request id longer than OneNET's 13 digits makes a get reply outgrow the buffer sized for it.
                Reply(DownlinkKind.PropertyGet, null, ReplyCodes.TooLarge, null);
                return;
            }
            _uplink.Publish(_uplink.Topics.PropertyGetReply, length, _nowMs);
        }

        private void Invoke(long nowMs, string service)
        {
            if (service == Services[0])
            {
                Reply(DownlinkKind.ServiceInvoke, service, ReplyCodes.Success, RebootingText);
                _rebootAtMs = nowMs + RuntimeDefaults.RebootDelayMilliseconds;
            }
            else if (service == Services[1])
            {
                _reportNow = true;
                Reply(DownlinkKind.ServiceInvoke, service, ReplyCodes.Success, null);
            }
            else
            {
                RefuseUnknownService(service);
            }
        }

        private void Reply(DownlinkKind kind, string service, int code, string message)
        {
            int length = _uplink.Writer.WriteReply(_uplink.Buffer, _message.Id, code, message);
            if (length < 0)
            {
                length = ReplyWithStandardMessage(code);
            }
            if (length <= 0)
            {
                return;
            }
            OneNetTopics topics = _uplink.Topics;
            string topic = kind == DownlinkKind.PropertyGet ? topics.PropertyGetReply : topics.PropertySetReply;
            if (kind == DownlinkKind.ServiceInvoke)
            {
                topic = service == Services[0] ? _rebootReplyTopic
                    : service == Services[1] ? _reportNowReplyTopic : UnknownServiceReplyTopic(service);
            }
            _uplink.Publish(topic, length, _nowMs);
        }

        private static bool IsRequest(DownlinkKind kind)
        {
            return kind == DownlinkKind.PropertySet || kind == DownlinkKind.PropertyGet || kind == DownlinkKind.ServiceInvoke;
        }

        /// <summary>Reads a OneJSON id ("12") as an int; false when it is not 1–10 digits within int (RequestIds' range).</summary>
        public static bool TryParseId(string text, out int id)
        {
            id = 0;
            if (text == null || text.Length == 0 || text.Length > 10)
            {
                return false;
            }
            long value = 0;
            char[] chars = text.ToCharArray(); // never text[i]: docs/device-runtime.md "Text"
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }
                value = value * 10 + (c - '0');
            }
            if (value > int.MaxValue)
            {
                return false;
            }
            id = (int)value;
            return true;
        }
    }
}
