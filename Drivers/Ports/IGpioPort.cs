using OneNetFirmware.Drivers.Gpio;

namespace OneNetFirmware.Drivers.Ports
{
    /// <summary>
    /// The node's GPIO pins. Device: nanoFramework System.Device.Gpio; host: simulated pins. Level changes are counted
    /// on the interrupt thread and taken by the main loop (no work on the event thread).
    /// </summary>
    public interface IGpioPort
    {
        void OpenInput(int pin, GpioPull pull);

        void OpenOutput(int pin, bool high);

        /// <summary>The level now: true = high.</summary>
        bool Read(int pin);

        void Write(int pin, bool high);

        /// <summary>Edges (either direction) seen on an input since the last call; the count restarts at 0.</summary>
        int TakeEdges(int pin);
    }
}
