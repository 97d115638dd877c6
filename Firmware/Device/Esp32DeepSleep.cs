using System;
using nanoFramework.Hardware.Esp32;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Device
{
    /// <summary>
    /// IDeepSleep on the ESP32 (docs/nanoframework.md#board-reboot-memory-sleep-pins): Sleep.EnableWakeupByTimer, and for the wake input Sleep.EnableWakeupByPin (ext0:
    /// one RTC GPIO at one level), then Sleep.StartDeepSleep, which never returns — the wake-up resets the chip and Main
    /// starts again. GetWakeupCause tells a timer (Timer) or input (Ext0) wake-up from a power-on.
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

        public bool WokeByPin
        {
            get { return Sleep.GetWakeupCause() == Sleep.WakeupCause.Ext0; }
        }

        public void DeepSleep(int seconds, int wakePin, bool wakeHigh)
        {
            EspNativeError result = Sleep.EnableWakeupByTimer(TimeSpan.FromTicks(seconds * TimeSpan.TicksPerSecond));
            if ((int)result != 0)
            {
                // Without a wake source the chip would sleep forever: better to stay awake and let the watchdog act.
                _log.Error("deep sleep: the timer wake-up was refused (ESP error " + ((int)result).ToString() + ")");
                return;
            }
            if (wakePin >= 0)
            {
                // The pin's bit in the WakeupGpioPin mask (Pin27 = 1 << 27); ext0 takes one pin and its level.
                var pin = (Sleep.WakeupGpioPin)((UInt64)1 << wakePin);
                result = Sleep.EnableWakeupByPin(pin, wakeHigh ? 1 : 0);
                if ((int)result != 0)
                {
                    // The timer still wakes the board: the input is then seen at the next wake-up only.
                    _log.Warn("deep sleep: the wake-up by GPIO " + wakePin.ToString() + " was refused (ESP error "
                        + ((int)result).ToString() + "); timer only");
                }
            }
            Sleep.StartDeepSleep();
        }
    }
}
