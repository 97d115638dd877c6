namespace OneNetFirmware.Drivers.Ports
{
    /// <summary>
    /// Time as the node sees it (in Drivers so that drivers and the runtime share it; Firmware references Drivers). Monotonic milliseconds drive every interval, deadline and backoff; UTC is only used
    /// for timestamps and token expiry, and only once it is valid (on the ESP32: after SNTP set it, year ≥ 2021).
    /// Device: Environment.TickCount64 and DateTime.UtcNow. Host: the system clock, or a virtual clock in tests.
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since an arbitrary start (boot); never goes backwards.</summary>
        long NowMilliseconds { get; }

        /// <summary>True once the wall clock has been set (SNTP); until then UtcUnixMilliseconds means nothing.</summary>
        bool IsUtcValid { get; }

        /// <summary>Milliseconds since 1970-01-01 UTC (OneJSON "time"); only meaningful when IsUtcValid.</summary>
        long UtcUnixMilliseconds { get; }

        /// <summary>Blocks the calling thread; a virtual clock advances instead of sleeping.</summary>
        void Sleep(int milliseconds);
    }
}
