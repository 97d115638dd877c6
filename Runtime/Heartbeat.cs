namespace OneNetFirmware.Runtime
{
    /// <summary>The main loop beats it every step; the supervisor reboots the board when it stops.</summary>
    public sealed class Heartbeat
    {
        private readonly object _lock = new object();
        private long _lastBeatMs;

        public Heartbeat(long nowMs)
        {
            _lastBeatMs = nowMs;
        }

        public void Beat(long nowMs)
        {
            lock (_lock)
            {
                _lastBeatMs = nowMs;
            }
        }

        public long LastBeatMilliseconds
        {
            get
            {
                lock (_lock)
                {
                    return _lastBeatMs;
                }
            }
        }
    }
}
