// COMPILE-ONLY stand-in: nanoFramework.System.Net 1.11.60 (docs/packages.md): System.Net.NetworkInformation, checked against
// nanoframework/System.Net v1.11.54 (NetworkChange.cs, NetworkInterface.cs): NetworkAvailabilityEventArgs has only an internal
// constructor, NetworkInterface only a protected (int); the firmware subscribes with method groups.
using System;

namespace System.Net.NetworkInformation
{
    public delegate void NetworkAddressChangedEventHandler(object sender, EventArgs e);

    public delegate void NetworkAvailabilityChangedEventHandler(object sender, NetworkAvailabilityEventArgs e);

    public class NetworkAvailabilityEventArgs : EventArgs
    {
        internal NetworkAvailabilityEventArgs(bool isAvailable) { throw new NotImplementedException(); }

        public bool IsAvailable { get { throw new NotImplementedException(); } }
    }

    public static class NetworkChange
    {
        public static event NetworkAddressChangedEventHandler NetworkAddressChanged;
        public static event NetworkAvailabilityChangedEventHandler NetworkAvailabilityChanged;
    }

    public class NetworkInterface
    {
        protected NetworkInterface(int interfaceIndex) { throw new NotImplementedException(); }

        public static NetworkInterface[] GetAllNetworkInterfaces() { throw new NotImplementedException(); }
        public string IPv4Address { get { throw new NotImplementedException(); } }
    }
}
