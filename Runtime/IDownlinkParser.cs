namespace OneNetFirmware.Runtime
{
    /// <summary>The seam to the protocol's downlink reader.</summary>
    public interface IDownlinkParser
    {
        /// <summary>
        /// Reads payload[0..count) of the given kind into message (cleared first). False when it is not valid OneJSON
        /// for that kind; a request's message.Id is still set when an id could be read, so the node can answer with an
        /// error. Replies carry IdNumber instead of Id (matched without a string) and Msg only when Code is not 200.
        /// More params than message.Capacity → false.
        /// </summary>
        bool Parse(DownlinkKind kind, byte[] payload, int count, DownlinkMessage message);

        /// <summary>
        /// The top-level id of a payload Parse refused or that was too large to keep (payload[0..count) is then its head),
        /// so a request can still be answered with an error: a string of 1–13 digits near the start, else null
        /// (conservative: anything doubtful before it means no id).
        /// </summary>
        string RecoverId(byte[] payload, int count);
    }
}
