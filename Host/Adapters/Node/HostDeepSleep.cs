using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Node
{
    /// <summary>
    /// IDeepSleep on the host: records the request and returns — the caller ends this boot, simulates the sleep (a timer
    /// or the wake pin reaching its level, SleptUntilPin) and builds the next boot with WokeFromDeepSleep/WokeByPin set.
    /// </summary>
    public sealed class HostDeepSleep : IDeepSleep
    {
        public bool WokeFromDeepSleep { get; set; }

        public bool WokeByPin { get; set; }

        /// <summary>The seconds asked for by the last DeepSleep, or -1 while awake.</summary>
        public int RequestedSeconds { get; set; } = -1;

        /// <summary>The wake pin asked for by the last DeepSleep, or -1 (timer only).</summary>
        public int RequestedWakePin { get; set; } = -1;

        /// <summary>The level the wake pin wakes the board at.</summary>
        public bool RequestedWakeHigh { get; set; }

        public void DeepSleep(int seconds, int wakePin, bool wakeHigh)
        {
            RequestedSeconds = seconds;
            RequestedWakePin = wakePin;
            RequestedWakeHigh = wakeHigh;
        }

        /// <summary>True when the wake pin (if any) reads its wake level: the simulated chip wakes on it.</summary>
        public bool PinWakes(int pin, bool high)
        {
            return RequestedWakePin >= 0 && pin == RequestedWakePin && high == RequestedWakeHigh;
        }

        /// <summary>The next boot's cause: the wake pin, or the timer.</summary>
        public void Woke(bool byPin)
        {
            WokeByPin = byPin;
            WokeFromDeepSleep = !byPin;
        }
    }
}
