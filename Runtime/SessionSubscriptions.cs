using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The SUBSCRIBE requests of one session, one per supervisor step (each is a blocking call): the required filters
    /// first in one request, then each optional filter in its own, so the broker refusing an optional one (SUBACK 0x80)
    /// refuses only that one (docs/device-runtime.md "MQTT"). A refused optional filter is logged and skipped.
    /// </summary>
    public sealed class SessionSubscriptions
    {
        /// <summary>More requests to go.</summary>
        public const int Pending = 0;
        /// <summary>Every request went out; the session is subscribed.</summary>
        public const int Done = 1;
        /// <summary>The required filters were refused: the session cannot work.</summary>
        public const int RequiredFailed = 2;
        /// <summary>The connection dropped during a request.</summary>
        public const int Lost = 3;

        private readonly string[] _required;
        private readonly string[][] _optional;
        private readonly ILog _log;
        private int _next = -1;

        public SessionSubscriptions(string[] required, string[] optional, ILog log)
        {
            _required = required;
            _log = log;
            int count = optional == null ? 0 : optional.Length;
            _optional = new string[count][];
            for (int i = 0; i < count; i++)
            {
                _optional[i] = new string[] { optional[i] }; // built once, not per session
            }
        }

        /// <summary>The first required filter (for the log).</summary>
        public string FirstRequired { get { return _required[0]; } }

        /// <summary>A new session: start again with the required filters.</summary>
        public void Restart()
        {
            _next = -1;
        }

        /// <summary>Sends the next request on link; Pending, Done, RequiredFailed or Lost.</summary>
        public int Step(IMqttLink link)
        {
            if (_next < 0)
            {
                if (!link.Subscribe(_required))
                {
                    return RequiredFailed;
                }
                _next = 0;
            }
            else if (_next < _optional.Length)
            {
                string[] request = _optional[_next++];
                if (!link.Subscribe(request))
                {
                    if (!link.IsConnected)
                    {
                        return Lost;
                    }
                    _log.Warn("SUBSCRIBE of " + request[0] + " refused or unanswered: continuing without it");
                }
            }
            return _next >= _optional.Length ? Done : Pending;
        }
    }
}
