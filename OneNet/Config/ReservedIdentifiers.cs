namespace OneNetFirmware.OneNet.Config
{
    /// <summary>
    /// The identifiers the node defines itself in the thing model, which no channel, output or input may take: OneNET
    /// identifiers are unique across a product's properties, events and services (docs/thing-model.md), and a channel
    /// called report_interval would make its sets and reports ambiguous. The runtime's built-in names are these
    /// constants; every diagnostics identifier starts with DiagnosticsPrefix (checked by tests).
    /// </summary>
    public static class ReservedIdentifiers
    {
        /// <summary>Built-in writable property: how often fresh readings are posted.</summary>
        public const string ReportInterval = "report_interval";

        /// <summary>Built-in writable property: every sensor's sampling interval.</summary>
        public const string SampleInterval = "sample_interval";

        /// <summary>Built-in service: reboot the board.</summary>
        public const string RebootService = "reboot";

        /// <summary>Built-in service: post the latest readings now.</summary>
        public const string ReportNowService = "report_now";

        /// <summary>The diagnostics post's identifiers (diag_uptime, diag_s0_failures …) all start so.</summary>
        public const string DiagnosticsPrefix = "diag_";

        /// <summary>True when identifier is one of the node's own or starts with the diagnostics prefix.</summary>
        public static bool IsReserved(string identifier)
        {
            return identifier == ReportInterval || identifier == SampleInterval || identifier == RebootService
                || identifier == ReportNowService || identifier.StartsWith(DiagnosticsPrefix);
        }
    }
}
