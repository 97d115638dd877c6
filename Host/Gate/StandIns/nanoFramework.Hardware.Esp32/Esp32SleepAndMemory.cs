// COMPILE-ONLY stand-in: nanoFramework.Hardware.Esp32 1.6.42, NANOFRAMEWORK.md §2.10 (Sleep.GetWakeupCause,
// Sleep.EnableWakeupByTimer, Sleep.StartDeepSleep, NativeMemory). EspNativeError: only OK = 0 (ESP_OK) is used.
// GetMemoryInfo's return type is not in the sheet; the firmware ignores it.
using System;

namespace nanoFramework.Hardware.Esp32
{
    public class Sleep
    {
        public enum WakeupCause
        {
            Undefined = 0,
            Ext0 = 2,
            Ext1,
            Timer,
            TouchPad,
            Ulp,
            Gpio,
            Uart,
            Wifi,
            CoCpu,
            CoCpuTrapTrig,
            Bt
        }

        public static WakeupCause GetWakeupCause() { throw new NotImplementedException(); }

        public static EspNativeError EnableWakeupByTimer(TimeSpan time) { throw new NotImplementedException(); }

        public static void StartDeepSleep() { throw new NotImplementedException(); }
    }

    public enum EspNativeError : Int32
    {
        OK = 0
    }

    public class NativeMemory
    {
        public enum MemoryType
        {
            All,
            Internal,
            SpiRam
        }

        public static void GetMemoryInfo(MemoryType memType, out uint totalSize, out uint totalFreeSize, out uint largestFreeBlock) { throw new NotImplementedException(); }
    }
}
