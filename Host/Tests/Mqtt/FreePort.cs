using System.Net;
using System.Net.Sockets;

namespace OneNetFirmware.Host.Tests.Mqtt
{
    /// <summary>A loopback port nobody listens on right now (the OS picks it). Also compiled into Host/Benchmarks.</summary>
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
    
        /// <summary>True when something accepts TCP connections on the loopback port (a broker finished starting).</summary>
        public static bool Accepts(int port)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
