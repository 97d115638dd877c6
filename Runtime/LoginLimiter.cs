using OneNetFirmware.OneNet;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// OneNET's login limit (never 3 CONNECTs within 5 s, or the device is blacklisted for 5 min): at most 2 attempts
    /// in any 5 s window (OneNetDefaults.LoginWindowMilliseconds; a third attempt must start strictly more than the
    /// window after the one two before it), enforced from the times of the last two attempts whatever the backoff says.
    /// </summary>
    public sealed class LoginLimiter
    {
        private long _older = long.MinValue;
        private long _newer = long.MinValue;

        /// <summary>The earliest time at which one more CONNECT keeps at most 2 in any window.</summary>
        public long EarliestNextAttempt(long nowMs)
        {
            if (_older == long.MinValue)
            {
                return nowMs;
            }
            long earliest = _older + OneNetDefaults.LoginWindowMilliseconds + 1;
            return earliest > nowMs ? earliest : nowMs;
        }

        /// <summary>Records an attempt made at nowMs.</summary>
        public void Record(long nowMs)
        {
            _older = _newer;
            _newer = nowMs;
        }
    }
}
