using System;
using System.IO;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Native;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Device
{
    /// <summary>
    /// IBoard on the ESP32: reboot (Power.RebootDevice), free managed heap (nanoFramework.Runtime.Native.GC.Run),
    /// the native heap's largest free block (NativeMemory — TLS buffers live there), the wake-up cause, and the
    /// persistent record in a small file on the internal flash I:\ (docs/nanoframework.md#board-reboot-memory-sleep-pins, #files-on-the-board).
    /// </summary>
    public class Esp32Board : IBoard
    {
        private readonly string _recordPath;
        private readonly string _tempPath;
        private readonly ILog _log;
        private string _lastSaved;

        /// <param name="recordPath">e.g. "I:\\node-record.txt".</param>
        public Esp32Board(string recordPath, ILog log)
        {
            _recordPath = recordPath;
            _tempPath = recordPath + ".new";
            _log = log;
        }

        public int FreeManagedBytes()
        {
            // Fully qualified: System.GC has no such member.
            return (int)nanoFramework.Runtime.Native.GC.Run(true);
        }

        public int LargestFreeNativeBlock()
        {
            try
            {
                uint total;
                uint free;
                uint largest;
                NativeMemory.GetMemoryInfo(NativeMemory.MemoryType.Internal, out total, out free, out largest);
                return (int)largest;
            }
            catch (Exception)
            {
                return -1;
            }
        }

        public string ResetCause
        {
            get
            {
                // Enums print as numbers on the device, so the names are spelled out here.
                Sleep.WakeupCause cause = Sleep.GetWakeupCause();
                switch (cause)
                {
                    case Sleep.WakeupCause.Undefined: return "power-on or reset";
                    case Sleep.WakeupCause.Timer: return "deep-sleep timer";
                    case Sleep.WakeupCause.Ext0:
                    case Sleep.WakeupCause.Ext1:
                    case Sleep.WakeupCause.Gpio: return "deep-sleep pin";
                    default: return "deep-sleep wake-up " + ((int)cause).ToString();
                }
            }
        }

        public string LoadRecord()
        {
            try
            {
                // A power cut between Delete and Move leaves only the temp file: it holds the newest complete record.
                string path = File.Exists(_recordPath) ? _recordPath : (File.Exists(_tempPath) ? _tempPath : null);
                _lastSaved = path == null ? "" : File.ReadAllText(path);
            }
            catch (Exception ex)
            {
                _log.Warn("board: cannot read the record: " + ex.Message);
                _lastSaved = "";
            }
            return _lastSaved;
        }

        public void SaveRecord(string text)
        {
            if (text == null)
            {
                text = "";
            }
            if (text == _lastSaved)
            {
                return; // unchanged: spare the flash
            }
            try
            {
                // Write aside, then swap: a power cut never leaves a torn record under the real name.
                File.WriteAllText(_tempPath, text);
                if (File.Exists(_recordPath))
                {
                    File.Delete(_recordPath);
                }
                File.Move(_tempPath, _recordPath);
                _lastSaved = text;
            }
            catch (Exception ex)
            {
                _log.Warn("board: cannot save the record: " + ex.Message);
            }
        }

        public void Reboot()
        {
            Power.RebootDevice();
        }
    }
}
