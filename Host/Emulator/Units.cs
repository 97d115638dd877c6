namespace OneNetFirmware.Host.Emulator
{
    /// <summary>
    /// Units and physical ranges of the measured quantities for the thing model. Unit text is "name / symbol" as the
    /// console exports it (at most 15 characters); a channel whose scale changes the unit to one not listed gets none.
    /// </summary>
    public static class Units
    {
        public const string Seconds = "秒 / s";
        public const string Dbm = "分贝毫瓦 / dBm";
        public const string Bytes = "字节 / B";

        /// <summary>The raw quantity's range over every supported chip (widest datasheet range), before calibration.</summary>
        public static (double Min, double Max) PhysicalRange(string quantity) => quantity switch
        {
            "temperature" => (-40, 125), // SHT3x -40…125 °C is the widest (BME280/AHT20 -40…85, DHT22 -40…80)
            "humidity" => (0, 100),
            "pressure" => (30000, 110000), // BME280/BMP280: 300…1100 hPa, reported in Pa
            "illuminance" => (0, 65535), // BH1750: 16-bit count, at most 65535 lx
            _ => (int.MinValue, int.MaxValue),
        };

        public static string Of(OneNetFirmware.OneNet.Config.ChannelConfig channel)
        {
            double scale = channel.Scale;
            switch (channel.Quantity)
            {
                case "temperature": return scale == 1 ? "摄氏度 / °C" : "";
                case "humidity": return scale == 1 ? "相对湿度 / %RH" : "";
                case "illuminance": return scale == 1 ? "照度 / lx" : "";
                case "pressure":
                    if (scale == 1) return "帕斯卡 / Pa";
                    if (scale == 0.01) return "百帕 / hPa";
                    if (scale == 0.001) return "千帕 / kPa";
                    return "";
                default: return "";
            }
        }
    }
}
