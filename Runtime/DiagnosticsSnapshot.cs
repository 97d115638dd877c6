namespace OneNetFirmware.Runtime
{
    /// <summary>One diagnostics post (docs/runtime.md#diagnostics lists the identifiers the writer uses).</summary>
    public sealed class DiagnosticsSnapshot
    {
        /// <summary>A snapshot without per-sensor entries.</summary>
        public DiagnosticsSnapshot() : this(0)
        {
        }

        /// <summary>A snapshot for this many configured sensors, their identifiers built once (not per post).</summary>
        public DiagnosticsSnapshot(int sensors)
        {
            SensorFailuresIds = new string[sensors];
            SensorStatusIds = new string[sensors];
            SensorFailures = new int[sensors];
            SensorStatus = new int[sensors];
            for (int i = 0; i < sensors; i++)
            {
                SensorFailuresIds[i] = DiagnosticsIdentifiers.SensorFailuresOf(i);
                SensorStatusIds[i] = DiagnosticsIdentifiers.SensorStatusOf(i);
            }
        }

        public long UptimeSeconds;
        public int Rssi;
        public int FreeMemoryBytes;
        public int LargestFreeNativeBlock;
        public int MqttConnects;
        public int MqttDisconnects;
        public int AuthFailures;
        public int NetworkRestarts;
        public int QuickDrops;
        public bool DuplicateDeviceSuspected;
        public bool BootLoopGuardActive;
        public int BootCount;
        /// <summary>Why the board last started: the runtime's recorded reboot reason, else the board's reset cause.</summary>
        public string LastResetReason;
        public int OutboxDepth;
        public int OutboxDropped;
        /// <summary>Readings OneNET answered with a non-200 code (dropped).</summary>
        public int RejectedReadings;
        public int SensorReadFailures;
        /// <summary>Input events lost: dropped from the full event queue or refused by OneNET.</summary>
        public int EventsDropped;
        /// <summary>Downlinks that could not be read: malformed or over the queue's slot size (answered 400/413 when an id was found).</summary>
        public int BadDownlinks;
        /// <summary>Per configured sensor (configuration order): its identifiers diag_s{i}_failures and diag_s{i}_status.</summary>
        public string[] SensorFailuresIds;
        public string[] SensorStatusIds;
        /// <summary>Per sensor: failed reads since start.</summary>
        public int[] SensorFailures;
        /// <summary>Per sensor: the latest read's ReadStatus number (0 ok, 1 bus NACK, 2 CRC, 3 timeout, 4 out of range, 5 not found, 6 failed, 7 the driver threw).</summary>
        public int[] SensorStatus;
    }
}
