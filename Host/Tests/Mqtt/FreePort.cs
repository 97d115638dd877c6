using System.Net;
using System.Net.Sockets;

namespace OneNetFirmware.Host.Tests.Mqtt
{
    /// <summary>A loopback port nobody listens on right now (the OS picks it).</summary>
    public static class FreePort
    {
        public static int Next()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
