// COMPILE-ONLY stand-in: nanoFramework.System.Net 1.11.60, NANOFRAMEWORK.md §2.7 (System.Net.NetworkInformation).
// Delegate names checked against nanoframework/System.Net (NetworkChange.cs); the firmware subscribes with method groups.
using System;

namespace System.Net.NetworkInformation
{
    public delegate void NetworkAddressChangedEventHandler(object sender, EventArgs e);

    public delegate void NetworkAvailabilityChangedEventHandler(object sender, NetworkAvailabilityEventArgs e);

    public class NetworkAvailabilityEventArgs : EventArgs
    {
        public bool IsAvailable { get { throw new NotImplementedException(); } }
    }

    public static class NetworkChange
    {
        public static event NetworkAddressChangedEventHandler NetworkAddressChanged;
        public static event NetworkAvailabilityChangedEventHandler NetworkAvailabilityChanged;
    }

    public class NetworkInterface
    {
        public static NetworkInterface[] GetAllNetworkInterfaces() { throw new NotImplementedException(); }
        public string IPv4Address { get { throw new NotImplementedException(); } }
    }
}
