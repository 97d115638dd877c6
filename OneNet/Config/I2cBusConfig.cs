namespace OneNetFirmware.OneNet.Config
{
    /// <summary>One ESP32 I2C controller (bus 1 or 2) and the pins it is routed to.</summary>
    public class I2cBusConfig
    {
        public int Bus { get; set; } = 1;
        public int SdaPin { get; set; } = 21;
        public int SclPin { get; set; } = 22;
    }
}
