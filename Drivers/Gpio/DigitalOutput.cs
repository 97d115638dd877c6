using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Drivers.Gpio
{
    /// <summary>A relay or LED: On is the logical state (a OneNET writable property); ActiveLow inverts the pin level.</summary>
    public sealed class DigitalOutput
    {
        private readonly IGpioPort _port;
        private readonly int _pin;
        private readonly bool _activeLow;
        private bool _on;

        public DigitalOutput(IGpioPort port, int pin, bool activeLow, bool initialOn)
        {
            _port = port;
            _pin = pin;
            _activeLow = activeLow;
            _on = initialOn;
            _port.OpenOutput(pin, initialOn != activeLow);
        }

        public bool On
        {
            get { return _on; }
            set
            {
                // Only a change reaches the pin: the status LED is set every 50 ms, and on nanoCLR each pin write
                // allocates (docs/performance.md "Outside the node"). The state changes once the write did not
                // throw, so a failed write is tried again by the next set.
                if (value == _on)
                {
                    return;
                }
                _port.Write(_pin, value != _activeLow);
                _on = value;
            }
        }
    }
}
