// COMPILE-ONLY stand-in: nanoFramework.Hardware.Esp32 1.6.40 (docs/packages.md). Configuration is a plain (not static)
// class in nanoframework/nanoFramework.Hardware.Esp32 v1.6.40 Configuration.cs, so it keeps C#'s implicit constructor.
using System;

namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
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
