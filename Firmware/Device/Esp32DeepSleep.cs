using System;
using nanoFramework.Hardware.Esp32;
using OneNetFirmware.Ports;

namespace OneNetFirmware.Device
{
    /// <summary>
    /// IDeepSleep on the ESP32 (§2.10): Sleep.EnableWakeupByTimer, then Sleep.StartDeepSleep, which never returns —
    /// the timer wake-up resets the chip and Main starts again. GetWakeupCause tells a timer wake-up from a power-on.
    /// </summary>
    public class Esp32DeepSleep : IDeepSleep
    {
        private readonly ILog _log;

        public Esp32DeepSleep(ILog log)
        {
            _log = log;
        }

        public bool WokeFromDeepSleep
        {
            get { return Sleep.GetWakeupCause() == Sleep.WakeupCause.Timer; }
        }

        public void DeepSleep(int seconds)
        {
            EspNativeError result = Sleep.EnableWakeupByTimer(TimeSpan.FromTicks(seconds * TimeSpan.TicksPerSecond));
            if ((int)result != 0)
            {
                // Without a wake source the chip would sleep forever: better to stay awake and let the watchdog act.
                _log.Error("deep sleep: the timer wake-up was refused (ESP error " + ((int)result).ToString() + ")");
                return;
            }
            Sleep.StartDeepSleep();
        }
    }
}
