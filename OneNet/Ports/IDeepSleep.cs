namespace OneNetFirmware.OneNet.Ports
{
    /// <summary>
    /// Battery mode's deep sleep. Device: Sleep.EnableWakeupByTimer (+ Sleep.EnableWakeupByPin for one input) +
    /// Sleep.StartDeepSleep — it never returns, the wake-up is a reset and Main starts again. Host: "this boot ends"
    /// (the simulation builds the next one). Kept apart from IBoard so always-on boards and their fakes need not implement it.
    /// </summary>
    public interface IDeepSleep
    {
        /// <summary>True when this boot is the deep-sleep timer's wake-up (not a power-on, reset, crash or input).</summary>
        bool WokeFromDeepSleep { get; }

        /// <summary>True when this boot is the wake pin's wake-up (the level asked for by DeepSleep was seen).</summary>
        bool WokeByPin { get; }

        /// <summary>
        /// Sleeps for seconds — or, when wakePin is 0 or more (an RTC GPIO), until that pin reads wakeHigh, whichever
        /// comes first — then the board starts from the beginning. The caller saved everything first.
        /// </summary>
        void DeepSleep(int seconds, int wakePin, bool wakeHigh);
    }
}
