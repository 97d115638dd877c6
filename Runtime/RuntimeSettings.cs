using OneNetFirmware.OneNet.Config;

namespace OneNetFirmware.Runtime
{
    /// <summary>The settings downlinks may change at run time (start from the configuration; lost on reboot).</summary>
    public sealed class RuntimeSettings
    {
        /// <summary>Built-in writable property: how often fresh readings are posted (1…86400 s).</summary>
        public const string ReportIntervalIdentifier = ReservedIdentifiers.ReportInterval;
        /// <summary>Built-in writable property: every sensor's sampling interval (1…86400 s, not below the chip's minimum).</summary>
        public const string SampleIntervalIdentifier = ReservedIdentifiers.SampleInterval;
        public const int MaxIntervalSeconds = 86400;

        public int ReportIntervalSeconds;
        /// <summary>0 until a downlink set it (each sensor keeps its configured interval).</summary>
        public int SampleIntervalSeconds;
        public int DiagnosticsIntervalSeconds;
    }
}
