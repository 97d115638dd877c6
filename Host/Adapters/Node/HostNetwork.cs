using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Node
{
    /// <summary>A PC's network: always up. Tests that need outages use their own scripted INetwork.</summary>
    public sealed class HostNetwork : INetwork
    {
        public bool IsUp => true;

        public int Rssi => 0;

        public int Restarts { get; private set; }

        public void Start(bool saveCredentials)
        {
        }

        public void Restart(bool saveCredentials)
        {
            Restarts++;
        }
    }
}
