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
        public int MalformedDownlinks;
    }
}
