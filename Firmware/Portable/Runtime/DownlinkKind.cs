namespace OneNetFirmware.Runtime
{
    /// <summary>What an arriving message is, told from its topic on the MQTT thread.</summary>
    public enum DownlinkKind
    {
        Unknown = 0,
        PropertySet = 1,
        PropertyGet = 2,
        ServiceInvoke = 3,
        DesiredGetReply = 4,
        /// <summary>…/thing/property/post/reply, …/history/post/reply or …/event/post/reply: acknowledges a post.</summary>
        PostReply = 5,
    }
}
