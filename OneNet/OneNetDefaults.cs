namespace OneNetFirmware.OneNet
{
    /// <summary>
    /// OneNET's limits the firmware designs for, in one place, each with its unit and source
    /// (docs/architecture.md "Tunables and their sources"; protocol details in docs/onenet-protocol.md). These are the
    /// platform's rules, not choices: change one only when OneNET's documentation changes.
    /// </summary>
    public static class OneNetDefaults
    {
        /// <summary>
        /// Points per identifier in one thing/history/post (count). Source: OneNET Studio OneJSON docs, history post
        /// ("≤ 100 per point"), https://open.iot.10086.cn/doc/v5/fuse/detail/901.
        /// </summary>
        public const int MaxPointsPerIdentifier = 100;

        /// <summary>
        /// Uplink messages per device: one per this many ms; extra ones are delayed by the platform (ms). Source: OneNET
        /// limits page, https://open.iot.10086.cn/doc/v5/fuse/detail/921 ("1/s per device").
        /// </summary>
        public const int MinUplinkIntervalMilliseconds = 1000;

        /// <summary>
        /// Login window (ms): a third CONNECT of one device inside it gets the device kicked and blacklisted for 5 min.
        /// Source: OneNET limits page, https://open.iot.10086.cn/doc/v5/fuse/detail/921 ("3 per 5 s").
        /// </summary>
        public const int LoginWindowMilliseconds = 5000;

        /// <summary>
        /// How long OneNET's caller waits for the reply to a property set/get or a synchronous service (ms). Source:
        /// OneJSON service docs ("synchronous services time out after about 5 s"),
        /// https://open.iot.10086.cn/doc/v5/fuse/detail/901.
        /// </summary>
        public const int ReplyDeadlineMilliseconds = 5000;
    }
}
