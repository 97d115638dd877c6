// COMPILE-ONLY stand-in: nanoFramework.System.Device.Wifi 1.5.147 (docs/packages.md): nanoFramework.Networking.WifiNetworkHelper,
// signatures from nanoframework/System.Device.Wifi v1.5.147 NetworkHelper/WifiNetworkHelper.cs.
using System;
using System.Device.Wifi;
using System.Threading;

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) { throw new NotImplementedException(); }
        public static void Disconnect() { throw new NotImplementedException(); }
        public static WifiAdapter WifiAdapter { get { throw new NotImplementedException(); } }
    }
}
