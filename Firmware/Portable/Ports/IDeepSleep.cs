namespace OneNetFirmware.Ports
{
    /// <summary>
    /// Battery mode's deep sleep. Device: Sleep.EnableWakeupByTimer + Sleep.StartDeepSleep — it never returns, the
    /// timer wake-up is a reset and Main starts again. Host: "this boot ends" (the simulation builds the next one).
    /// Kept apart from IBoard so always-on boards and their test fakes need not implement it.
    /// </summary>
    public interface IDeepSleep
    {
        /// <summary>True when this boot is the deep-sleep timer's wake-up (not a power-on, reset or crash).</summary>
        bool WokeFromDeepSleep { get; }

        /// <summary>Sleeps for seconds, then the board starts from the beginning. The caller saved everything first.</summary>
        void DeepSleep(int seconds);
    }
}
