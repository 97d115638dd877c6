using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Host.Simulation;

/// <summary>
/// A clock that only moves when told to: Sleep and Advance move it, so driver waits and blocking calls cost no real
/// time. UTC = a fixed epoch + monotonic time while IsUtcValid ("SNTP" set it).
/// </summary>
public sealed class VirtualClock : IClock
{
    public const long UtcEpochMs = 1_780_000_000_000; // 2026-05-28

    public long NowMilliseconds { get; private set; }

    public bool IsUtcValid { get; set; } = true;

    public long UtcUnixMilliseconds => IsUtcValid ? UtcEpochMs + NowMilliseconds : 0;

    public void Sleep(int milliseconds) => NowMilliseconds += milliseconds;

    public void Advance(long milliseconds) => NowMilliseconds += milliseconds;

    /// <summary>The UTC time a reading taken at monotonic ms should carry.</summary>
    public static long UtcAt(long monoMs) => UtcEpochMs + monoMs;
}
