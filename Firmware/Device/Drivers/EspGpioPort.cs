using System.Device.Gpio;
using System.Threading;
using OneNetFirmware.Drivers.Gpio;
using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Device.Drivers
{
    /// <summary>
    /// ESP32 pins over nanoFramework System.Device.Gpio. The value-changed callback only increments a per-pin edge
    /// counter (Interlocked, no allocation); the main loop takes the counts and does the work.
    /// </summary>
    public sealed class EspGpioPort : IGpioPort
    {
        private const int PinCount = 40;
        private readonly GpioController _controller = new GpioController();
        private readonly int[] _edges = new int[PinCount];
        private readonly PinChangeEventHandler _onChange;

        public EspGpioPort()
        {
            _onChange = OnPinChanged;
        }

        public void OpenInput(int pin, GpioPull pull)
        {
            PinMode mode = pull == GpioPull.Up ? PinMode.InputPullUp : pull == GpioPull.Down ? PinMode.InputPullDown : PinMode.Input;
            _controller.OpenPin(pin, mode);
            _controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, _onChange);
        }

        public void OpenOutput(int pin, bool high)
        {
            _controller.OpenPin(pin, PinMode.Output);
            _controller.Write(pin, high ? PinValue.High : PinValue.Low);
        }

        public bool Read(int pin)
        {
            return (bool)_controller.Read(pin);
        }

        public void Write(int pin, bool high)
        {
            _controller.Write(pin, high ? PinValue.High : PinValue.Low);
        }

        public int TakeEdges(int pin)
        {
            return Interlocked.Exchange(ref _edges[pin], 0);
        }

        private void OnPinChanged(object sender, PinValueChangedEventArgs e)
        {
            int pin = e.PinNumber;
            if (pin >= 0 && pin < PinCount) Interlocked.Increment(ref _edges[pin]);
        }
    }
}
