namespace OneNetFirmware.OneNet
{
    /// <summary>Which downlink a topic is (docs/onenet-protocol.md#topics-and-payloads); plain int constants because enums print as numbers on the device.</summary>
    public static class Downlink
    {
        public const int Unknown = 0;
        public const int PropertyPostReply = 1;
        public const int PropertySet = 2;
        public const int PropertyGet = 3;
        public const int DesiredGetReply = 4;
        public const int DesiredDeleteReply = 5;
        public const int EventPostReply = 6;
        public const int ServiceInvoke = 7;
        public const int HistoryPostReply = 8;
        public const int PackPostReply = 9;
        public const int OtaInform = 10;
    }
}
