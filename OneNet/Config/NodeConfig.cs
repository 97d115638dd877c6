namespace OneNetFirmware.OneNet.Config
{
    /// <summary>
    /// The whole node configuration, as written in nf-config.json.
    /// Device and host read the file into these same classes (nanoFramework.Json / System.Text.Json), so every
    /// member is a public property with a setter and every collection is a typed array (no generics on the device).
    /// Property initializers are the defaults a missing key keeps.
    /// </summary>
    public class NodeConfig
    {
        public WifiConfig Wifi { get; set; } = new WifiConfig();
        public OneNetConfig OneNet { get; set; } = new OneNetConfig();
        public NodeSettings Node { get; set; } = new NodeSettings();
        public WatchdogConfig Watchdog { get; set; } = new WatchdogConfig();
        public OutboxConfig Outbox { get; set; } = new OutboxConfig();
        public BatteryConfig Battery { get; set; } = new BatteryConfig();
        public I2cBusConfig[] I2c { get; set; } = new I2cBusConfig[0];
        public SensorConfig[] Sensors { get; set; } = new SensorConfig[0];
        public OutputConfig[] Outputs { get; set; } = new OutputConfig[0];
        public InputConfig[] Inputs { get; set; } = new InputConfig[0];
    }
}
