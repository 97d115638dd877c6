namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The seam to the drivers' channel bindings: reads each sensor when it is due (never faster than the chip allows),
    /// applies the channel filters and hands every value that should be published to the sink.
    /// </summary>
    public interface ISampler
    {
        /// <summary>Reads the sensors due at nowMs (all of them when forceAll) and returns how many reads failed.</summary>
        int SampleDue(long nowMs, bool forceAll, IReadingSink sink);

        /// <summary>
        /// Sets every sensor's interval; false when seconds is below what some sensor allows (nothing changes then).
        /// </summary>
        bool SetIntervalSeconds(int seconds);

        /// <summary>The latest good value of a property the sampler feeds, or NaN (none yet, or not its property).</summary>
        double LatestValue(int propertyIndex);

        /// <summary>
        /// The debounced state of the contact/motion/button input on pin: 1 active (closed / motion / pressed), 0 not,
        /// -1 when there is none or it was not read yet.
        /// </summary>
        int InputState(int pin);

        /// <summary>The configured sensors, in configuration order (sensor i is sensors[i]).</summary>
        int SensorCount { get; }

        /// <summary>Failed reads of sensor i since start (a bad status or an exception from its driver).</summary>
        int SensorFailures(int sensor);

        /// <summary>How sensor i's latest read went, as the driver's ReadStatus number (0 = ok).</summary>
        int SensorStatus(int sensor);
    }
}
