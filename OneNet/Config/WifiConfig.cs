namespace OneNetFirmware.OneNet.Config
{
    /// <summary>Wi-Fi station credentials. The password is a secret: never logged.</summary>
    public class WifiConfig
    {
        public string Ssid { get; set; }
        public string Password { get; set; }
    }
}
