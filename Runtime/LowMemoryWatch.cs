using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The supervisor's memory check: free managed memory is read every RuntimeDefaults.MemoryCheckIntervalMilliseconds
    /// (on the device the read runs a GC) and the board is due a reboot once it has stayed below the configured minimum
    /// for LowMemoryGraceMilliseconds. A minimum of 0 turns the check off.
    /// </summary>
    public sealed class LowMemoryWatch
    {
        private readonly IBoard _board;
        private readonly int _minFreeBytes;
        private long _nextCheckMs;
        private long _lowSinceMs = -1;

        public LowMemoryWatch(IBoard board, int minFreeBytes, long nowMs)
        {
            _board = board;
            _minFreeBytes = minFreeBytes;
            _nextCheckMs = nowMs;
        }

        public int MinFreeBytes { get { return _minFreeBytes; } }

        /// <summary>True when free memory has stayed below the minimum for the grace time.</summary>
        public bool RebootDue(long nowMs)
        {
            if (_minFreeBytes <= 0 || nowMs < _nextCheckMs)
            {
                return false;
            }
            _nextCheckMs = nowMs + RuntimeDefaults.MemoryCheckIntervalMilliseconds;
            if (_board.FreeManagedBytes() >= _minFreeBytes)
            {
                _lowSinceMs = -1;
            }
            else if (_lowSinceMs < 0)
            {
                _lowSinceMs = nowMs;
            }
            else if (nowMs - _lowSinceMs >= RuntimeDefaults.LowMemoryGraceMilliseconds)
            {
                return true;
            }
            return false;
        }
    }
}
