namespace OneNetFirmware.OneNet.Ports
{
    /// <summary>
    /// Matches a SUBACK to the SUBSCRIBE it answers, for a link adapter whose library reports SUBACKs as events
    /// (M2Mqtt). M2Mqtt numbers messages per client, starting at 1 with every new client (docs/device-runtime.md
    /// "MQTT"), so an id alone is not enough: a SUBACK counts only for the current session and the id this request was
    /// given. A SUBACK may arrive before the library has returned the id; it is kept until Expect. Thread-safe: the
    /// SUBACK arrives on the library's thread, the request waits on the supervisor's.
    /// </summary>
    public sealed class SubackTracker
    {
        public const int Pending = 0;
        public const int Granted = 1;
        public const int Refused = 2;

        private readonly object _lock = new object();
        private int _session;
        private int _expected = -1;
        private int _result = Pending;
        private int _earlyId = -1;
        private bool _earlyGranted;

        /// <summary>A new client: forgets everything about earlier sessions and returns this session's number.</summary>
        public int NewSession()
        {
            lock (_lock)
            {
                _session++;
                _expected = -1;
                _earlyId = -1;
                _result = Pending;
                return _session;
            }
        }

        /// <summary>Before sending a SUBSCRIBE: no answer is expected yet.</summary>
        public void BeginRequest()
        {
            lock (_lock)
            {
                _expected = -1;
                _earlyId = -1;
                _result = Pending;
            }
        }

        /// <summary>The id the library gave this SUBSCRIBE; a SUBACK for it that came first is applied now.</summary>
        public void Expect(int messageId)
        {
            lock (_lock)
            {
                _expected = messageId;
                _result = Pending;
                if (_earlyId == messageId)
                {
                    _result = _earlyGranted ? Granted : Refused;
                    _earlyId = -1;
                }
            }
        }

        /// <summary>A SUBACK from the client of session: granted is false when any filter came back 0x80.</summary>
        public void Received(int session, int messageId, bool granted)
        {
            lock (_lock)
            {
                if (session != _session)
                {
                    return; // a late SUBACK of an earlier client: its ids mean nothing now
                }
                if (messageId == _expected)
                {
                    _result = granted ? Granted : Refused;
                }
                else if (_expected < 0)
                {
                    _earlyId = messageId;
                    _earlyGranted = granted;
                }
            }
        }

        /// <summary>Pending, Granted or Refused for the expected request.</summary>
        public int Result
        {
            get
            {
                lock (_lock)
                {
                    return _result;
                }
            }
        }
    }
}
