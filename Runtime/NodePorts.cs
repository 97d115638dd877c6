using OneNetFirmware.Runtime.Ports;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The board-side ports every part of the runtime may use (docs/architecture.md "Ports"): the clock, the log, the
    /// board (record storage, memory, reboot) and the random source for the reconnect jitter. The network and the MQTT
    /// link are given to NodeRuntime on their own: only the supervisor and the uplink use them.
    /// </summary>
    public sealed class NodePorts
    {
        public readonly IClock Clock;
        public readonly ILog Log;
        public readonly IBoard Board;
        public readonly IRandomSource Random;

        public NodePorts(IClock clock, ILog log, IBoard board, IRandomSource random)
        {
            Clock = clock;
            Log = log;
            Board = board;
            Random = random;
        }
    }
}
