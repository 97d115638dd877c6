namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// How often the network may hand the Wi-Fi credentials to the radio's stored configuration — on the ESP32 a flash
    /// write each time (docs/device-runtime.md "Wi-Fi"). The first network start of a power cycle may; after that at
    /// most once per RuntimeDefaults.CredentialSaveIntervalMilliseconds (24 h); every other start or restart reconnects with what is stored.
    /// Worst case: one write per boot plus one per day of uptime.
    /// </summary>
    public sealed class CredentialSaves
    {
        private bool _saved;
        private long _lastMs;

        /// <summary>Writes allowed so far (for diagnostics and tests).</summary>
        public int Count { get; private set; }

        /// <summary>True (and counted) when a start at nowMs may save the credentials.</summary>
        public bool Take(long nowMs)
        {
            if (_saved && nowMs - _lastMs < RuntimeDefaults.CredentialSaveIntervalMilliseconds)
            {
                return false;
            }
            _saved = true;
            _lastMs = nowMs;
            Count++;
            return true;
        }

        /// <summary>The credentials are already stored (a deep-sleep wake-up: the power-on boot saved them).</summary>
        public void AlreadySaved(long nowMs)
        {
            _saved = true;
            _lastMs = nowMs;
        }
    }
}
