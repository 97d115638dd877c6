using OneNetFirmware.Ports;

namespace OneNetFirmware.Host.Node
{
    /// <summary>IDeepSleep on the host: records the request and returns — the caller ends this boot and builds the next.</summary>
    public sealed class HostDeepSleep : IDeepSleep
    {
        public bool WokeFromDeepSleep { get; set; }

        /// <summary>The seconds asked for by the last DeepSleep, or -1 while awake.</summary>
        public int RequestedSeconds { get; set; } = -1;

        public void DeepSleep(int seconds)
        {
            RequestedSeconds = seconds;
        }
    }
}
