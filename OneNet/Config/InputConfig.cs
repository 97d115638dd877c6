namespace OneNetFirmware.OneNet.Config
{
    /// <summary>A digital input: a contact, motion sensor or button raising OneNET events, or a pulse counter.</summary>
    public class InputConfig
    {
        /// <summary>contact, motion, button or counter.</summary>
        public string Type { get; set; }
        public int Pin { get; set; } = -1;
        /// <summary>up, down or none.</summary>
        public string Pull { get; set; } = "up";
        public int DebounceMilliseconds { get; set; } = 50;
        /// <summary>Event identifier (contact/motion/button) or count property identifier (counter).</summary>
        public string Identifier { get; set; }
        /// <summary>Counter only: the rate property identifier (pulses per minute times Scale), empty for none.</summary>
        public string RateIdentifier { get; set; }
        /// <summary>Counter only: units per pulse (e.g. 0.2794 mm of rain).</summary>
        public double Scale { get; set; } = 1.0;
        /// <summary>Counter only: decimals written to OneNET for the total and the rate (both decimal numbers).</summary>
        public int Decimals { get; set; } = 2;
    }
}
