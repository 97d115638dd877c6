// COMPILE-ONLY stand-in: nanoFramework.Hardware.Esp32 1.6.40 (docs/packages.md): Sleep.GetWakeupCause, EnableWakeupByTimer, EnableWakeupByPin, WakeupGpioPin, StartDeepSleep, NativeMemory.
// EspNativeError: only OK = 0 (ESP_OK) is used. Checked against nanoframework/nanoFramework.Hardware.Esp32 v1.6.40: the
// enums are nested in Sleep, WakeupGpioPin is a [Flags] UInt64 enum, GetMemoryInfo returns void with three out uint.
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

        [Flags]
        public enum WakeupGpioPin : UInt64
        {
            None = 0,
            Pin0 = 1,
            Pin2 = 1 << 2,
            Pin4 = 1 << 4,
            Pin12 = 1 << 12,
            Pin13 = 1 << 13,
            Pin14 = 1 << 14,
            Pin15 = 1 << 15,
            Pin25 = 1 << 25,
            Pin26 = 1 << 26,
            Pin27 = 1 << 27,
            Pin32 = (UInt64)1 << 32,
            Pin33 = (UInt64)1 << 33,
            Pin34 = (UInt64)1 << 34,
            Pin35 = (UInt64)1 << 35,
            Pin36 = (UInt64)1 << 36,
            Pin37 = (UInt64)1 << 37,
            Pin38 = (UInt64)1 << 38,
            Pin39 = (UInt64)1 << 39
        }

        public static WakeupCause GetWakeupCause() { throw new NotImplementedException(); }

        public static EspNativeError EnableWakeupByPin(WakeupGpioPin pin, int level) { throw new NotImplementedException(); }

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
