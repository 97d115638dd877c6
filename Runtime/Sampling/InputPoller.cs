using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Gpio;
using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Runtime.Sampling
{
    /// <summary>
    /// The configured digital inputs, opened on a GPIO port and polled by the main loop (every few ms to tens of ms;
    /// pulses are counted on the interrupt side, so a slow poll loses none). Poll allocates nothing.
    /// </summary>
    public sealed class InputPoller
    {
        private readonly IGpioPort _port;
        private readonly InputChannel[] _inputs;

        public InputPoller(InputConfig[] inputs, IGpioPort port)
        {
            _port = port;
            int n = inputs == null ? 0 : inputs.Length;
            _inputs = new InputChannel[n];
            for (int i = 0; i < n; i++)
            {
                InputConfig c = inputs[i];
                GpioPull pull = c.Pull == "up" ? GpioPull.Up : c.Pull == "down" ? GpioPull.Down : GpioPull.None;
                port.OpenInput(c.Pin, pull);
                bool counter = c.Type == "counter";
                _inputs[i] = new InputChannel(c.Type, c.Pin, c.Identifier, c.RateIdentifier,
                    counter ? null : new DebouncedInput(pull, c.DebounceMilliseconds),
                    counter ? new PulseCounter(c.Scale) : null);
            }
        }

        public InputChannel[] Inputs { get { return _inputs; } }

        /// <summary>Updates every input; returns how many have Changed or RateChanged set.</summary>
        public int Poll(long nowMs)
        {
            int changed = 0;
            for (int i = 0; i < _inputs.Length; i++)
            {
                InputChannel input = _inputs[i];
                if (input.Counter != null)
                {
                    input.RateChanged = input.Counter.Add(_port.TakeEdges(input.Pin), nowMs);
                    if (input.RateChanged) changed++;
                }
                else
                {
                    _port.TakeEdges(input.Pin); // level polling decides; keep the counter from growing
                    input.Changed = input.Debounce.Update(_port.Read(input.Pin), nowMs);
                    if (input.Changed) changed++;
                }
            }
            return changed;
        }
    }
}
