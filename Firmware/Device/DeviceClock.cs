using System;
using System.Threading;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Device
{
    /// <summary>
    /// IClock on the ESP32 (docs/nanoframework.md#time-and-the-clock): monotonic time from Environment.TickCount64 (ms since boot);
    /// the wall clock is only trusted once the firmware's SNTP client has set it (year ≥ 2021).
    /// </summary>
    public class DeviceClock : IClock
    {
        public long NowMilliseconds
        {
            get { return Environment.TickCount64; }
        }

        public bool IsUtcValid
        {
            get { return DateTime.UtcNow.Year >= FirmwareDefaults.FirstValidYear; }
        }

        public long UtcUnixMilliseconds
        {
            // Ticks are 100 ns; computed from ticks because ToUnixTimeSeconds would drop the milliseconds.
            get { return (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond; }
        }

        public void Sleep(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
