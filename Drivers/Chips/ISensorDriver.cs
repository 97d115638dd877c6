namespace OneNetFirmware.Drivers.Chips
{
    /// <summary>
    /// The one contract every sensor driver keeps, on the ESP32 and on the host: preallocated readings, a status per
    /// read, no stale values, and the fastest sampling the chip allows. Reads allocate nothing.
    /// </summary>
    public interface ISensorDriver
    {
        /// <summary>The SensorRegistry type, e.g. "sht3x".</summary>
        string Type { get; }

        /// <summary>Reads closer together than this are not allowed by the datasheet (the node never asks faster).</summary>
        int MinIntervalMilliseconds { get; }

        /// <summary>One Reading per quantity the chip measures, always the same instances.</summary>
        Reading[] Readings { get; }

        /// <summary>Probes and configures the chip (chip id, calibration data, soft reset). NotFound when absent.</summary>
        ReadStatus Initialize();

        /// <summary>Measures every quantity. On Ok every Reading holds a fresh value; otherwise every Reading is NaN.</summary>
        ReadStatus Read();
    }
}
