using System;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Device
{
    /// <summary>ILog on the ESP32: Console.WriteLine, because Debug.WriteLine vanishes in Release builds (docs/nanoframework.md#logging).</summary>
    public class ConsoleLog : ILog
    {
        public void Info(string message)
        {
            Console.WriteLine("I " + message);
        }

        public void Warn(string message)
        {
            Console.WriteLine("W " + message);
        }

        public void Error(string message)
        {
            Console.WriteLine("E " + message);
        }
    }
}
