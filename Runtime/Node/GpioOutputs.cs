using System;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Gpio;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime.Ports;

namespace OneNetFirmware.Runtime.Node
{
    /// <summary>
    /// The runtime's IOutputs: one DigitalOutput per configured output, found by its property index. An output with
    /// restoreState opens at the state saved in the node record (so a reset never switches a relay), else at initialOn,
    /// and each change of its state is saved to the record at once (changes only: flash wear).
    /// </summary>
    public sealed class GpioOutputs : IOutputs
    {
        private readonly OutputConfig[] _configs;
        private readonly int[] _properties;
        private readonly DigitalOutput[] _outputs;
        private readonly NodeRecord _record;
        private readonly IBoard _board;

        /// <param name="record">This boot's record (NodeRecord.LoadAndCountBoot), shared with the runtime.</param>
        public GpioOutputs(OutputConfig[] outputs, PropertyTable properties, IGpioPort gpio, NodeRecord record, IBoard board)
        {
            _configs = outputs;
            _record = record;
            _board = board;
            _properties = new int[outputs.Length];
            _outputs = new DigitalOutput[outputs.Length];
            var on = new bool[outputs.Length];
            var saved = new bool[outputs.Length];
            for (int i = 0; i < outputs.Length; i++)
            {
                bool restored = false;
                saved[i] = outputs[i].RestoreState && record.TryGetOutput(outputs[i].Identifier, out restored);
                on[i] = saved[i] ? restored : outputs[i].InitialOn;
            }
            // Keep only the states this configuration restores: stale identifiers and restoreState=false ones go.
            record.ClearOutputs();
            for (int i = 0; i < outputs.Length; i++)
            {
                OutputConfig o = outputs[i];
                if (saved[i])
                {
                    record.SetOutput(o.Identifier, on[i]);
                    Restored++;
                }
                _properties[i] = properties.IndexOf(o.Identifier);
                _outputs[i] = new DigitalOutput(gpio, o.Pin, o.ActiveLow, on[i]);
            }
        }

        /// <summary>The outputs that opened at a saved state rather than initialOn.</summary>
        public int Restored { get; private set; }

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
            bool changed = _outputs[i].On != on;
            try
            {
                _outputs[i].On = on;
            }
            catch (Exception)
            {
                // A pin driver that throws is reported as a failed set, never a crashed main loop.
                return false;
            }
            if (changed && _configs[i].RestoreState)
            {
                _record.SetOutput(_configs[i].Identifier, on);
                _record.Save(_board);
            }
            return true;
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
