using OneNetFirmware.Drivers.Chips;

namespace NFUnitTest.Drivers.Chips
{
    /// <summary>Fresh readings in the order the temperature/humidity decoders fill them.</summary>
    internal static class TestReadings
    {
        public static Reading[] TemperatureHumidity()
        {
            return new Reading[] { new Reading(Quantity.Temperature, "°C"), new Reading(Quantity.Humidity, "%RH") };
        }
    }
}
