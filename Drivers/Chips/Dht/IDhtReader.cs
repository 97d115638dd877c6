using OneNetFirmware.Drivers.Chips;

namespace OneNetFirmware.Drivers.Chips.Dht
{
    /// <summary>
    /// The hardware side of a DHT11/DHT22: the ESP32's DhtDevice over Iot.Device.DHTxx.Esp32, or a simulated sensor on
    /// the host. Thin on purpose: pacing, the first-read rule and range checks live in the portable DhtDriver. Either
    /// method may throw (the sampler counts that as a failed read).
    /// </summary>
    public interface IDhtReader
    {
        /// <summary>Claims the pins (once; calling it again after success does nothing). Takes no measurement.</summary>
        void Open();

        /// <summary>
        /// Takes one measurement now: on Ok readings[0] is the temperature (°C) and readings[1] the humidity (%RH); on
        /// anything else both are NaN. No range check.
        /// </summary>
        ReadStatus Measure(Reading[] readings);
    }
}
