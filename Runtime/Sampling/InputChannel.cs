using OneNetFirmware.Drivers.Gpio;

namespace OneNetFirmware.Runtime.Sampling
{
    /// <summary>
    /// One configured digital input after InputPoller.Poll: a contact/motion/button (Changed + Active → a OneNET event
    /// named Identifier) or a counter (Total under Identifier; RatePerMinute under RateIdentifier when RateChanged).
    /// </summary>
    public sealed class InputChannel
    {
        internal readonly DebouncedInput Debounce;
        internal readonly PulseCounter Counter;

        internal InputChannel(string type, int pin, string identifier, string rateIdentifier, DebouncedInput debounce, PulseCounter counter)
        {
            Type = type;
            Pin = pin;
            Identifier = identifier;
            RateIdentifier = rateIdentifier;
            Debounce = debounce;
            Counter = counter;
        }

        /// <summary>contact, motion, button or counter.</summary>
        public string Type { get; }

        public int Pin { get; }

        public string Identifier { get; }

        /// <summary>Counter only; null or empty when no rate is published.</summary>
        public string RateIdentifier { get; }

        public bool IsCounter { get { return Counter != null; } }

        /// <summary>Contact/motion/button: the debounced state changed in the latest poll.</summary>
        public bool Changed { get; internal set; }

        /// <summary>Contact/motion/button: closed / motion / pressed.</summary>
        public bool Active { get { return Debounce != null && Debounce.Active; } }

        /// <summary>Counter: pulses × scale since start.</summary>
        public double Total { get { return Counter == null ? double.NaN : Counter.Total; } }

        /// <summary>Counter: a new per-minute rate was computed in the latest poll.</summary>
        public bool RateChanged { get; internal set; }

        public double RatePerMinute { get { return Counter == null ? double.NaN : Counter.RatePerMinute; } }
    }
}
