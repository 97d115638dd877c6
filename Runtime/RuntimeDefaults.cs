using OneNetFirmware.OneNet;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// Every tunable of the runtime in one place (as coreMQTT's core_mqtt_config_defaults.h), each with its unit, the
    /// reason for its value and its source (docs/architecture.md "Tunables and their sources"). The configuration file
    /// sets what a user may change (intervals, outbox sizes, watchdog ladder); these are the fixed ones.
    /// </summary>
    public static class RuntimeDefaults
    {
        // ---- Main loop and supervisor threads (docs/architecture.md "Threads") ----

        /// <summary>Sleep between two steps of either loop (ms). 10 steps/s: a 1 s pacer slot is met within 10 %.</summary>
        public const int StepMilliseconds = 100;

        // ---- Uplink (docs/architecture.md "Uplink") ----

        /// <summary>At most one uplink per this long (ms): OneNET's rate limit (OneNetDefaults).</summary>
        public const int UplinkIntervalMilliseconds = OneNetDefaults.MinUplinkIntervalMilliseconds;

        /// <summary>
        /// The least the uplink's payload buffer holds (bytes); above it the buffer is the configuration's largest post
        /// (NodeBuilder.PayloadBufferBytes, docs/performance.md "Payload buffer"). 2 KB takes a history/post of about 55
        /// typical points (HistoryPointBytes each), so a 512-reading backlog drains in about 10 posts (10 s at one uplink
        /// per second); 8 KB would save 5 of those seconds for 6 KB more heap. Far below OneNET's 256 KB publish limit.
        /// </summary>
        public const int MinPayloadBufferBytes = 2048;

        /// <summary>
        /// The most points in one history/post or property/post (count): OneNET's per-identifier limit. The outbox's batch
        /// is smaller when the payload buffer takes fewer typical points (Outbox.BatchPointsFor).
        /// </summary>
        public const int BatchPoints = OneNetDefaults.MaxPointsPerIdentifier;

        /// <summary>
        /// A typical history point in OneJSON (bytes): {"value":21.46,"time":1732860000000} and its comma. Sizes the
        /// outbox's batch to what the payload buffer takes; a batch of longer points is halved until it fits (Outbox.Send).
        /// </summary>
        public const int HistoryPointBytes = 37;

        // ---- Pending engine (docs/architecture.md "Pending engine") ----

        /// <summary>How often overdue replies are looked for (ms): exact enough for timeouts of seconds, cheap per step.</summary>
        public const int ExpiryCheckMilliseconds = 1000;

        /// <summary>
        /// No reply at all for this many reply timeouts after a post went out: the session is dead (count). A black-holed
        /// network is not noticed by MQTT keep-alive while the node keeps posting (clients ping only an idle link).
        /// </summary>
        public const int StallReplyTimeouts = 3;

        /// <summary>
        /// Posts of one outbox awaiting their reply at once (count): their id and send time are kept per post, not per
        /// reading. At one uplink a second and the default 10 s reply timeout at most ~10 are awaited; with more, the
        /// oldest is given up on and its readings are sent again (at least once, never wedged). At most 31: a slot names
        /// its post in 5 bits of its one byte (PendingSlots).
        /// </summary>
        public const int PostsAwaitingReply = 16;

        /// <summary>Bytes a reading costs in the outbox on top of its identifier: about what it takes in OneJSON.</summary>
        public const int PointOverheadBytes = 40;

        // ---- Downlinks (docs/architecture.md "Downlinks") ----

        /// <summary>
        /// Downlinks queued between the MQTT thread and the main loop (count); more are dropped and counted. The queue
        /// holds references to the link's own payload arrays, so an empty slot costs one reference, not a buffer.
        /// </summary>
        public const int DownlinkSlots = 8;

        /// <summary>
        /// Largest downlink read (bytes): a set/get of 16 members fits easily; a longer request is answered 413 (its id
        /// is read from its head). OneNET's own command limit is 1 KB (MQTTS suite cmd/response), docs/architecture.md.
        /// </summary>
        public const int MaxDownlinkBytes = 1024;

        /// <summary>
        /// The payload bytes the downlink queue may hold in all (bytes): four requests of the largest readable size, or
        /// every slot of ordinary ones (replies and sets are tens to a few hundred bytes). The arrays are the link's own
        /// (M2Mqtt allocates one per message), so this caps what a burst keeps alive on the heap while the main loop
        /// drains DownlinksPerStep per step; a message over it is dropped and counted, unless the queue is empty (then it
        /// is taken, so even one too large to read is answered 413). docs/architecture.md "Downlinks".
        /// </summary>
        public const int MaxQueuedDownlinkBytes = 4 * MaxDownlinkBytes;

        /// <summary>Members one set/get/desired reply may carry (count); a downlink with more is malformed (400).</summary>
        public const int MaxDownlinkMembers = 16;

        /// <summary>Downlinks applied per main-loop step (count), so a flood cannot starve sampling.</summary>
        public const int DownlinksPerStep = 4;

        /// <summary>How long the `reboot` service waits after its reply so the reply can leave (ms).</summary>
        public const int RebootDelayMilliseconds = 1000;

        /// <summary>
        /// The longest a request's reply waits for the pacer (ms); then it goes out unpaced, well inside OneNET's
        /// ReplyDeadlineMilliseconds (5 s).
        /// </summary>
        public const int MaxReplyWaitMilliseconds = 2000;

        // ---- Supervisor (docs/architecture.md "Threads") ----

        /// <summary>No IP this long after a network start → start it again (ms). Covers a slow DHCP.</summary>
        public const int NetworkDeadlineMilliseconds = 60000;

        /// <summary>CONNECT plus SUBSCRIBE deadline (ms); each blocking call also gets it as its timeout.</summary>
        public const int ConnectDeadlineMilliseconds = 20000;

        /// <summary>After CONNACK 4/5 wait at least this long (ms): OneNET blacklists devices that hammer it.</summary>
        public const int AuthRetryFloorMilliseconds = 30000;

        /// <summary>No valid token yet (clock not set): look again after this long (ms).</summary>
        public const int TokenWaitMilliseconds = 1000;

        /// <summary>A session that ends sooner than this after CONNACK is a quick drop (ms).</summary>
        public const int QuickDropMilliseconds = 10000;

        /// <summary>This many quick drops in a row: probably another board uses the same device name (count).</summary>
        public const int DuplicateSuspectDrops = 3;

        /// <summary>Extra wait per quick drop once a duplicate is suspected, on top of the backoff (ms).</summary>
        public const int DuplicatePenaltyMilliseconds = 60000;

        /// <summary>Free memory is checked this often (ms); on the device the check runs a GC.</summary>
        public const int MemoryCheckIntervalMilliseconds = 5000;

        /// <summary>Free memory must stay below the minimum this long before the board reboots (ms).</summary>
        public const int LowMemoryGraceMilliseconds = 30000;

        /// <summary>
        /// The Wi-Fi credentials are written to flash at most once per this long after the first start of a power cycle
        /// (ms): docs/device-runtime.md "Wi-Fi".
        /// </summary>
        public const long CredentialSaveIntervalMilliseconds = 24L * 3600 * 1000;

        // ---- Battery mode (docs/architecture.md "Battery mode") ----

        /// <summary>Online, everything acknowledged, this long: the wake-up is done (ms). Covers the desired/get reply.</summary>
        public const int BatteryQuietMilliseconds = 2000;
    }
}
