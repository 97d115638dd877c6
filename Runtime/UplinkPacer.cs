namespace OneNetFirmware.Runtime
{
    /// <summary>OneNET takes about one uplink per second per device: posts wait their turn here.</summary>
    public sealed class UplinkPacer
    {
        public const int MinIntervalMilliseconds = 1000;

        private long _lastMs = long.MinValue;

        public bool CanSend(long nowMs)
        {
            return _lastMs == long.MinValue || nowMs - _lastMs >= MinIntervalMilliseconds;
        }

        public void Sent(long nowMs)
        {
            _lastMs = nowMs;
        }
    }
}
