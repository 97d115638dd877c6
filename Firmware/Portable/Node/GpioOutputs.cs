using System;
using OneNetFirmware.Config;
using OneNetFirmware.Drivers.Gpio;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Node
{
    /// <summary>The runtime's IOutputs: one DigitalOutput per configured output, found by its property index.</summary>
    public sealed class GpioOutputs : IOutputs
    {
        private readonly int[] _properties;
        private readonly DigitalOutput[] _outputs;

        public GpioOutputs(OutputConfig[] outputs, PropertyTable properties, IGpioPort gpio)
        {
            _properties = new int[outputs.Length];
            _outputs = new DigitalOutput[outputs.Length];
            for (int i = 0; i < outputs.Length; i++)
            {
                OutputConfig o = outputs[i];
                _properties[i] = properties.IndexOf(o.Identifier);
                _outputs[i] = new DigitalOutput(gpio, o.Pin, o.ActiveLow, o.InitialOn);
            }
        }

        public bool Has(int propertyIndex)
        {
            return Find(propertyIndex) >= 0;
        }

        public bool Get(int propertyIndex)
        {
            int i = Find(propertyIndex);
            return i >= 0 && _outputs[i].On;
        }

        public bool Set(int propertyIndex, bool on)
        {
            int i = Find(propertyIndex);
            if (i < 0) return false;
            try
            {
                _outputs[i].On = on;
                return true;
            }
            catch (Exception)
            {
                // A pin driver that throws is reported as a failed set, never a crashed main loop.
                return false;
            }
        }

        private int Find(int propertyIndex)
        {
            for (int i = 0; i < _properties.Length; i++)
            {
                if (_properties[i] == propertyIndex && propertyIndex >= 0) return i;
            }
            return -1;
        }
    }
}
