// COMPILE-ONLY stand-in: nanoFramework.System.Device.Wifi 1.5.149, NANOFRAMEWORK.md §2.7 (System.Device.Wifi).
// Checked against nanoframework/System.Device.Wifi sources: WifiAdapter is sealed, NetworkRssiInDecibelMilliwatts is a
// double (an sbyte dBm underneath), the scan event's delegate is AvailableNetworksChangedEventHandler(WifiAdapter, object).
using System;

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual
    }

    public delegate void AvailableNetworksChangedEventHandler(WifiAdapter sender, object e);

    public sealed class WifiAdapter : IDisposable
    {
        public void ScanAsync() { throw new NotImplementedException(); }
        public int NetworkInterface { get { throw new NotImplementedException(); } }
        public WifiNetworkReport NetworkReport { get { throw new NotImplementedException(); } }
        public event AvailableNetworksChangedEventHandler AvailableNetworksChanged;
        public void Dispose() { throw new NotImplementedException(); }
    }

    public class WifiNetworkReport
    {
        public WifiAvailableNetwork[] AvailableNetworks { get { throw new NotImplementedException(); } }
    }

    public class WifiAvailableNetwork
    {
        public string Ssid { get { throw new NotImplementedException(); } }
        public double NetworkRssiInDecibelMilliwatts { get { throw new NotImplementedException(); } }
    }
}
