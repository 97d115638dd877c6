using System;
using System.Device.Gpio;
using System.Threading;
using OneNetFirmware.Drivers.Gpio;
using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Device.Drivers
{
    /// <summary>
    /// ESP32 pins over nanoFramework System.Device.Gpio. The value-changed callback only increments a per-pin edge
    /// counter and marks the pin changed (Interlocked, no allocation); the main loop takes the counts and does the work.
    /// A read or a write of a pin allocates on nanoCLR (PinValue is a struct: docs/performance.md "Outside the node"),
    /// so an input is read for real only when InputLevels says it may have changed, and an output is flipped with
    /// GpioPin.Toggle (native, no PinValue) and only when its level changes.
    /// </summary>
    public sealed class EspGpioPort : IGpioPort
    {
        private const int PinCount = 40;
        private readonly GpioController _controller = new GpioController();
        private readonly int[] _edges = new int[PinCount];
        private readonly InputLevels _levels = new InputLevels(PinCount);
        private readonly GpioPin[] _outputs = new GpioPin[PinCount];
        private readonly bool[] _outputHigh = new bool[PinCount];
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
            _outputs[pin] = _controller.OpenPin(pin, PinMode.Output);
            _outputs[pin].Write(high ? PinValue.High : PinValue.Low);
            _outputHigh[pin] = high;
        }

        public bool Read(int pin)
        {
            long now = Environment.TickCount64;
            if (_levels.MustRead(pin, now))
            {
                _levels.Read(pin, (bool)_controller.Read(pin), now);
            }
            return _levels.Level(pin);
        }

        public void Write(int pin, bool high)
        {
            if (high != _outputHigh[pin])
            {
                _outputs[pin].Toggle();
                _outputHigh[pin] = high;
            }
        }

        public int TakeEdges(int pin)
        {
            return Interlocked.Exchange(ref _edges[pin], 0);
        }

        private void OnPinChanged(object sender, PinValueChangedEventArgs e)
        {
            int pin = e.PinNumber;
            if (pin >= 0 && pin < PinCount)
            {
                Interlocked.Increment(ref _edges[pin]);
                _levels.Changed(pin);
            }
        }
    }
}
