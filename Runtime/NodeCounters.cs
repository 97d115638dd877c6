namespace OneNetFirmware.Runtime
{
    /// <summary>The counters diagnostics report. Written by one thread each (ints, so reads are never torn).</summary>
    public sealed class NodeCounters
    {
        public int ConnectAttempts;
        public int MqttConnects;
        public int MqttDisconnects;
        public int AuthFailures;
        public int NetworkRestarts;
        /// <summary>Sessions that dropped within QuickDropMs of connecting (another board with the same name?).</summary>
        public int QuickDrops;
        public bool DuplicateDeviceSuspected;
        public bool BootLoopGuardActive;
        public int SensorReadFailures;
        /// <summary>Downlinks the parser refused (answered 400 when a request's id could be recovered).</summary>
        public int MalformedDownlinks;
        /// <summary>Downlinks longer than RuntimeDefaults.MaxDownlinkBytes (answered 413 when a request's id could be recovered).</summary>
        public int OversizeDownlinks;
    }
}
