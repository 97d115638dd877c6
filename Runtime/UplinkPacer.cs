namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// OneNET takes about one uplink per second per device (RuntimeDefaults.UplinkIntervalMilliseconds): every publish
    /// waits its turn here. Owned by the Uplink (docs/architecture.md "Uplink").
    /// </summary>
    public sealed class UplinkPacer
    {
        private long _lastMs = long.MinValue;

        public bool CanSend(long nowMs)
        {
            return _lastMs == long.MinValue || nowMs - _lastMs >= RuntimeDefaults.UplinkIntervalMilliseconds;
        }

        public void Sent(long nowMs)
        {
            _lastMs = nowMs;
        }
    }
}
