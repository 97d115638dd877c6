namespace OneNetFirmware.OneNet.Ports
{
    /// <summary>
    /// The board's services. Device: Power.RebootDevice, nanoFramework.Runtime.Native.GC.Run, NativeMemory and a small
    /// file on I:\ for the persistent record; host: a simulated board (reboot = restart the node in-process).
    /// </summary>
    public interface IBoard
    {
        /// <summary>Free managed heap in bytes (the device collects first).</summary>
        int FreeManagedBytes();

        /// <summary>Largest free block of the native heap (where TLS buffers live), or -1 when unknown.</summary>
        int LargestFreeNativeBlock();

        /// <summary>Why the board last started (power-on, deep-sleep timer, watchdog…) as a short text.</summary>
        string ResetCause { get; }

        /// <summary>The persistent record (boot count, last reboot reason…) as saved before; empty text when none.</summary>
        string LoadRecord();

        /// <summary>Saves the persistent record; it survives reboots and power loss.</summary>
        void SaveRecord(string text);

        /// <summary>Reboots now. The caller saves the reason in the record first. Does not return on the device.</summary>
        void Reboot();
    }
}
