using OneNetFirmware.OneNet;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The rules for the properties OneNET may set or get (docs/onenet-protocol.md): the outputs (bool), and the two
    /// built-in intervals `report_interval` and `sample_interval` (whole seconds, 1…RuntimeSettings.MaxIntervalSeconds,
    /// not below what a sensor allows). Everything else is read-only. DownlinkHandler uses it for property/set,
    /// property/get and desired values alike, so the three can never disagree.
    /// </summary>
    public sealed class WritableProperties
    {
        private readonly IOutputs _outputs;
        private readonly ISampler _sampler;
        private readonly RuntimeSettings _settings;
        private readonly Outbox _outbox;
        private readonly int _reportIndex;
        private readonly int _sampleIndex;

        /// <param name="outbox">Receives every output state set, so the console shows it once posted.</param>
        public WritableProperties(NodeContext node, Outbox outbox)
        {
            _outputs = node.Outputs;
            _sampler = node.Sampler;
            _settings = node.Settings;
            _outbox = outbox;
            _reportIndex = node.Properties.IndexOf(RuntimeSettings.ReportIntervalIdentifier);
            _sampleIndex = node.Properties.IndexOf(RuntimeSettings.SampleIntervalIdentifier);
        }

        /// <summary>
        /// ReplyCodes.Success when value (of DownlinkMessage kind) may be written to property index; else why not:
        /// 404 unknown (index below 0), 405 not writable, 422 wrong type or out of range.
        /// </summary>
        public int Check(int index, int kind, double value)
        {
            if (index < 0)
            {
                return ReplyCodes.UnknownIdentifier;
            }
            if (_outputs != null && _outputs.Has(index))
            {
                return kind == DownlinkMessage.Bool ? ReplyCodes.Success : ReplyCodes.WrongType;
            }
            if (index == _reportIndex || index == _sampleIndex)
            {
                if (kind != DownlinkMessage.Number)
                {
                    return ReplyCodes.WrongType;
                }
                if (!(value >= 1 && value <= RuntimeSettings.MaxIntervalSeconds))
                {
                    return ReplyCodes.WrongType;
                }
                return value == (int)value ? ReplyCodes.Success : ReplyCodes.WrongType;
            }
            return ReplyCodes.NotWritable;
        }

        /// <summary>Writes a value Check passed; false when the device refused it (a sensor's minimum, an output's pin).</summary>
        public bool Write(int index, double value)
        {
            if (index == _reportIndex)
            {
                _settings.ReportIntervalSeconds = (int)value;
                return true;
            }
            if (index == _sampleIndex)
            {
                if (!_sampler.SetIntervalSeconds((int)value))
                {
                    return false;
                }
                _settings.SampleIntervalSeconds = (int)value;
                return true;
            }
            if (!_outputs.Set(index, value != 0))
            {
                return false;
            }
            // The console shows the state only once it is posted: at once, with whatever else is fresh.
            _outbox.Add(index, value != 0 ? 1 : 0);
            _outbox.RequestReport();
            return true;
        }

        /// <summary>The value property/get answers for property index, or NaN when there is none yet.</summary>
        public double CurrentValue(int index)
        {
            if (index == _reportIndex)
            {
                return _settings.ReportIntervalSeconds;
            }
            if (index == _sampleIndex)
            {
                return _settings.SampleIntervalSeconds > 0 ? _settings.SampleIntervalSeconds : double.NaN;
            }
            if (_outputs != null && _outputs.Has(index))
            {
                return _outputs.Get(index) ? 1 : 0;
            }
            return _sampler.LatestValue(index);
        }
    }
}
