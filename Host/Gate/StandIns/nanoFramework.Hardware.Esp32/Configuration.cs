// Compile-only stand-in: NANOFRAMEWORK.md §2.10 (documented for nanoFramework.Hardware.Esp32 1.6.42; packages.config pins
// 1.6.40, which has the same Configuration.SetPinFunction) and §2.3.
using System;

namespace nanoFramework.Hardware.Esp32
{
    public static class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) { throw new NotImplementedException(); }
    }

    // Only the I2C members are used; a stand-in is compile-only, so member values are not the real ones.
    public enum DeviceFunction
    {
        I2C1_DATA,
        I2C1_CLOCK,
        I2C2_DATA,
        I2C2_CLOCK,
    }
}
