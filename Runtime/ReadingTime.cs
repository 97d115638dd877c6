using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The UTC time of something the node saw at a monotonic moment (a reading, an input event). Until SNTP set the
    /// clock there is none; once it is set, the monotonic clock tells how long ago it was, so the time is still exact.
    /// </summary>
    public static class ReadingTime
    {
        /// <summary>Returned while the clock has no UTC (the OneJSON "time" is then left out).</summary>
        public const long None = -1;

        /// <summary>UTC ms of the moment monoMs (IClock.NowMilliseconds then), or None while the clock is not valid.</summary>
        public static long UtcAt(IClock clock, long monoMs)
        {
            if (!clock.IsUtcValid)
            {
                return None;
            }
            return clock.UtcUnixMilliseconds - (clock.NowMilliseconds - monoMs);
        }
    }
}
