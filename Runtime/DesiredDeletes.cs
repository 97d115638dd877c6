namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The desired values the node still has to delete on OneNET (docs/onenet-protocol.md, "Desired values"). OneNET keeps
    /// a desired value until the device deletes it and serves it again after every connect, so one that was applied (or
    /// refused as invalid) is deleted with the version it had: a newer one set meanwhile survives. A property/set deletes
    /// its identifiers whatever the version: the set is the newest word on them. Pending deletes go out together as one
    /// desired/delete when the uplink is free; one without a 200 reply goes again in the next session. Preallocated,
    /// used by the main loop only.
    /// </summary>
    public sealed class DesiredDeletes
    {
        /// <summary>Pass as version: delete the desired value whatever the platform's version is.</summary>
        public const long AnyVersion = 0;
        private const long Nothing = -1;

        // Per property index: Nothing, AnyVersion or the version to delete; and the id of the request carrying it (0: unsent).
        private readonly long[] _version;
        private readonly int[] _requestId;
        private readonly int[] _indexes;
        private readonly long[] _versions;
        private int _written;

        public DesiredDeletes(int propertyCount)
        {
            _version = new long[propertyCount];
            _requestId = new int[propertyCount];
            _indexes = new int[propertyCount];
            _versions = new long[propertyCount];
            for (int i = 0; i < propertyCount; i++) _version[i] = Nothing;
        }

        /// <summary>Deletes are waiting (sent or not) for the platform's 200.</summary>
        public int Pending
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _version.Length; i++) if (_version[i] != Nothing) n++;
                return n;
            }
        }

        /// <summary>Some delete has not been sent in this session.</summary>
        public bool HasUnsent
        {
            get
            {
                for (int i = 0; i < _version.Length; i++) if (_version[i] != Nothing && _requestId[i] == 0) return true;
                return false;
            }
        }

        /// <summary>
        /// Asks to delete property's desired value at version (below 1: whatever its version). Joined with a delete
        /// already waiting: AnyVersion wins, else the higher version. It is sent (again) with the next request.
        /// </summary>
        public void Add(int property, long version)
        {
            if (property < 0 || property >= _version.Length) return;
            if (version < 1) version = AnyVersion;
            long current = _version[property];
            if (current != Nothing && (current == AnyVersion || version == AnyVersion)) version = AnyVersion;
            else if (current > version) version = current;
            _version[property] = version;
            _requestId[property] = 0;
        }

        /// <summary>Writes every unsent delete as one desired/delete with requestId; the length, or -1 (none, or too large).</summary>
        public int Write(IOneJsonWriter writer, byte[] buffer, int requestId, PropertyTable properties)
        {
            _written = 0;
            for (int i = 0; i < _version.Length; i++)
            {
                if (_version[i] != Nothing && _requestId[i] == 0)
                {
                    _indexes[_written] = i;
                    _versions[_written] = _version[i];
                    _written++;
                }
            }
            return _written == 0 ? -1 : writer.WriteDesiredDelete(buffer, requestId, properties, _indexes, _versions, _written);
        }

        /// <summary>The request Write produced was published with requestId.</summary>
        public void Sent(int requestId)
        {
            for (int i = 0; i < _written; i++) _requestId[_indexes[i]] = requestId;
            _written = 0;
        }

        /// <summary>
        /// The platform's desired/delete reply: its deletes are done. A non-200 drops them too (the caller logs it): a
        /// refused delete is never retried in a loop; the value may come back with the next desired/get.
        /// </summary>
        public int OnReply(int requestId)
        {
            int done = 0;
            for (int i = 0; i < _version.Length; i++)
            {
                if (_version[i] != Nothing && _requestId[i] == requestId && requestId != 0)
                {
                    _version[i] = Nothing;
                    _requestId[i] = 0;
                    done++;
                }
            }
            return done;
        }

        /// <summary>A new session: deletes sent in the old one got no reply there (QoS 0), so they go again.</summary>
        public void OnSessionStarted()
        {
            for (int i = 0; i < _requestId.Length; i++) _requestId[i] = 0;
        }
    }
}
