namespace OneNetFirmware.Drivers.Chips
{
    /// <summary>
    /// One quantity a driver measures, preallocated once and refilled by every read. After a failed read Value is NaN,
    /// so a stale value can never pass for a fresh one.
    /// </summary>
    public sealed class Reading
    {
        public Reading(string quantity, string unit)
        {
            Quantity = quantity;
            Unit = unit;
            Value = double.NaN;
        }

        /// <summary>temperature, humidity, pressure, illuminance (Quantity constants).</summary>
        public string Quantity { get; }

        /// <summary>The unit Value is in, e.g. "°C", "%RH", "Pa", "lx".</summary>
        public string Unit { get; }

        /// <summary>The latest value, or NaN when the latest read failed.</summary>
        public double Value { get; set; }
    }
}
