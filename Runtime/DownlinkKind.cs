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
        /// <summary>$sys/{pid}/{dev}/ota/inform: an OTA task notice; this firmware does not update over the air and ignores it.</summary>
        OtaInform = 6,
        /// <summary>…/thing/property/desired/delete/reply: acknowledges the node's delete of desired values.</summary>
        DesiredDeleteReply = 7,
    }
}
