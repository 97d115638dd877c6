namespace OneNetFirmware.Drivers.Chips
{
    /// <summary>The quantity names a channel's configuration and a driver's Readings use.</summary>
    public static class Quantity
    {
        public const string Temperature = "temperature";
        public const string Humidity = "humidity";
        public const string Pressure = "pressure";
        public const string Illuminance = "illuminance";
    }
}
