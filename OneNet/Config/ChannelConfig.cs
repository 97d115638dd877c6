namespace OneNetFirmware.OneNet.Config
{
    /// <summary>One measured quantity of a sensor, published as one OneNET property, with its filters.</summary>
    public class ChannelConfig
    {
        /// <summary>What the driver measures: temperature, humidity, pressure, illuminance.</summary>
        public string Quantity { get; set; }
        /// <summary>The thing-model identifier in OneNET (case-sensitive).</summary>
        public string Identifier { get; set; }
        /// <summary>Decimals written to OneNET.</summary>
        public int Decimals { get; set; } = 2;
        /// <summary>Calibration: published = raw * Scale + Offset.</summary>
        public double Offset { get; set; }
        public double Scale { get; set; } = 1.0;
        /// <summary>Valid range after calibration; readings outside it are rejected as failures. Min == Max means "no range".</summary>
        public double Min { get; set; }
        public double Max { get; set; }
        /// <summary>Moving average over this many samples; 1 = off.</summary>
        public int AverageSamples { get; set; } = 1;
        /// <summary>Report only when the value moved at least this much (0 = every sample) ...</summary>
        public double ReportDelta { get; set; }
        /// <summary>... but at least this often (0 = no heartbeat).</summary>
        public int HeartbeatSeconds { get; set; }
    }
}
