using System;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Node
{
    /// <summary>
    /// A simulated board for the host: memory from the GC, the persistent record kept in memory (or a file), and a
    /// reboot that is reported to the host instead of restarting the machine.
    /// </summary>
    public sealed class HostBoard : IBoard
    {
        private readonly string _recordPath;
        private string _record = "";

        /// <param name="recordPath">A file for the persistent record, or null to keep it in memory.</param>
        public HostBoard(string recordPath = null)
        {
            _recordPath = recordPath;
            if (_recordPath != null && System.IO.File.Exists(_recordPath))
            {
                _record = System.IO.File.ReadAllText(_recordPath);
            }
        }

        /// <summary>Raised when the node asks for a reboot; the host decides what a reboot means (e.g. restart the node).</summary>
        public event Action RebootRequested;

        public int Reboots { get; private set; }

        public string ResetCause { get; set; } = "power-on";

        public int FreeManagedBytes()
        {
            // The host has no small heap; report what a comfortable ESP32 would have so the watchdog stays quiet.
            GCMemoryInfo info = GC.GetGCMemoryInfo();
            long free = info.TotalAvailableMemoryBytes - GC.GetTotalMemory(false);
            return free > int.MaxValue ? int.MaxValue : (int)Math.Max(0, free);
        }

        public int LargestFreeNativeBlock() => -1;

        public string LoadRecord() => _record;

        public void SaveRecord(string text)
        {
            _record = text ?? "";
            if (_recordPath != null)
            {
                System.IO.File.WriteAllText(_recordPath, _record);
            }
        }

        public void Reboot()
        {
            Reboots++;
            ResetCause = "software reboot";
            RebootRequested?.Invoke();
        }
    }
}
