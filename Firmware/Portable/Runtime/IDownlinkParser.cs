namespace OneNetFirmware.Runtime
{
    /// <summary>The seam to the protocol's downlink reader.</summary>
    public interface IDownlinkParser
    {
        /// <summary>
        /// Reads payload[0..count) of the given kind into message (cleared first). False when it is not valid OneJSON
        /// for that kind; message.Id is still set when an id could be read, so the node can answer with an error.
        /// More params than message.Capacity → false.
        /// </summary>
        bool Parse(DownlinkKind kind, byte[] payload, int count, DownlinkMessage message);
    }
}
