// COMPILE-ONLY stand-in: nanoFramework.System.Device.Wifi 1.5.147 (docs/packages.md).
// Checked against nanoframework/System.Device.Wifi v1.5.147: WifiAdapter and WifiNetworkReport have only internal constructors, WifiAdapter is sealed, NetworkRssiInDecibelMilliwatts is a
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

    public enum WifiConnectionStatus
    {
        AccessRevoked,
        InvalidCredential,
        NetworkNotAvailable,
        Success,
        Timeout,
        UnspecifiedFailure,
        UnsupportedAuthenticationProtocol
    }

    public class WifiConnectionResult
    {
        internal WifiConnectionResult(WifiConnectionStatus ConnectionStatus) { throw new NotImplementedException(); }
        public WifiConnectionStatus ConnectionStatus { get { throw new NotImplementedException(); } }
    }

    public sealed class WifiAdapter : IDisposable
    {
        internal WifiAdapter(int NetworkInterface) { throw new NotImplementedException(); }

        // Added for WifiNetwork's reconnect without a configuration write; signatures copied from WifiAdapter.cs at v1.5.147.
        public static WifiAdapter[] FindAllAdapters() { throw new NotImplementedException(); }
        public WifiConnectionResult Connect(string ssid, WifiReconnectionKind reconnectionKind, string passwordCredential) { throw new NotImplementedException(); }
        public void Disconnect() { throw new NotImplementedException(); }
        public void ScanAsync() { throw new NotImplementedException(); }
        public int NetworkInterface { get { throw new NotImplementedException(); } }
        public WifiNetworkReport NetworkReport { get { throw new NotImplementedException(); } }
        public event AvailableNetworksChangedEventHandler AvailableNetworksChanged;
        public void Dispose() { throw new NotImplementedException(); }
    }

    public class WifiNetworkReport
    {
        internal WifiNetworkReport(WifiAvailableNetwork[] WifiNetworks) { throw new NotImplementedException(); }

        public WifiAvailableNetwork[] AvailableNetworks { get { throw new NotImplementedException(); } }
    }

    public class WifiAvailableNetwork
    {
        public string Ssid { get { throw new NotImplementedException(); } }
        public double NetworkRssiInDecibelMilliwatts { get { throw new NotImplementedException(); } }
    }
}
