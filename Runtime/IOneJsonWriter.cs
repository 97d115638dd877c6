namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The seam to the protocol's OneJSON writer: every payload the runtime sends is written into a caller's buffer.
    /// Each method returns the byte count written, or -1 when it does not fit (the caller then sends less).
    /// Ids are the decimal strings of the ints given. Nothing here may allocate per call beyond the id text.
    /// </summary>
    public interface IOneJsonWriter
    {
        /// <summary>thing/property/post: one {"value":…,"time":…} per point (time left out when HasTime is false).</summary>
        int WritePropertyPost(byte[] buffer, int postId, PropertyTable properties, PointBatch points);

        /// <summary>thing/history/post: params [{"properties":{id:[{value,time},…],…}}], points grouped by property.</summary>
        int WriteHistoryPost(byte[] buffer, int postId, PropertyTable properties, PointBatch points);

        /// <summary>thing/property/post of the diagnostics properties (no time: they are "now").</summary>
        int WriteDiagnosticsPost(byte[] buffer, int postId, DiagnosticsSnapshot diagnostics);

        /// <summary>set_reply / invoke_reply: {"id":requestId,"code":code,"msg":message}.</summary>
        int WriteReply(byte[] buffer, string requestId, int code, string message);

        /// <summary>get_reply with data {identifier: bare value} for the points (their times are ignored).</summary>
        int WriteGetReply(byte[] buffer, string requestId, PropertyTable properties, PointBatch points);

        /// <summary>
        /// thing/event/post of one event: params {identifier:{"value":{parameter:value},"time":utcMs}} (time left out
        /// when utcMs is ReadingTime.None).
        /// </summary>
        int WriteEventPost(byte[] buffer, int postId, EventTable events, int eventIndex, bool value, long utcMs);

        /// <summary>thing/property/desired/get asking for the given properties.</summary>
        int WriteDesiredGet(byte[] buffer, int requestId, PropertyTable properties, int[] propertyIndexes, int count);

        /// <summary>
        /// thing/property/desired/delete of the given properties: {identifier:{"version":v}} each, or {identifier:{}}
        /// where versions[i] is below 1 (deleted whatever the platform's version).
        /// </summary>
        int WriteDesiredDelete(byte[] buffer, int requestId, PropertyTable properties, int[] propertyIndexes, long[] versions, int count);
    }
}
