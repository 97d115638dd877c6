using System;
using System.Threading;

namespace OneNetFirmware
{
    /// <summary>
    /// The ESP32 composition root. It grows into the full node (configuration, drivers, adapters, supervisor and
    /// main loop); for now it only proves the application builds and deploys.
    /// </summary>
    public class Program
    {
        public static void Main()
        {
            Console.WriteLine("OneNetFirmware starting");
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
