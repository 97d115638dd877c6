using OneNetFirmware.Ports;

namespace OneNetFirmware.Host.Simulation;

/// <summary>A clock that only moves when told to; Sleep advances it, so driver waits cost no real time.</summary>
public sealed class VirtualClock : IClock
{
    public long NowMilliseconds { get; private set; }

    public bool IsUtcValid => false;

    public long UtcUnixMilliseconds => 0;

    public void Sleep(int milliseconds) => NowMilliseconds += milliseconds;

    public void Advance(long milliseconds) => NowMilliseconds += milliseconds;
}
