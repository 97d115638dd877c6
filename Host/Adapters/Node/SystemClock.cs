using System;
using System.Diagnostics;
using System.Threading;
using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Host.Node
{
    /// <summary>The host's real clock: a Stopwatch for monotonic time, the system UTC clock (always valid on a PC).</summary>
    public sealed class SystemClock : IClock
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();

        public long NowMilliseconds => _since.ElapsedMilliseconds;

        public bool IsUtcValid => true;

        public long UtcUnixMilliseconds => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        public void Sleep(int milliseconds)
        {
            if (milliseconds > 0) Thread.Sleep(milliseconds);
        }
    }
}
