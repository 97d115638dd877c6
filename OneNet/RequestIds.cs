namespace OneNetFirmware.OneNet
{
    /// <summary>Request ids for uplinks: 1, 2, … wrapping after 0x7FFFFFFF (as the official SDK), so always ≤ 10 digits.</summary>
    public sealed class RequestIds
    {
        private int _last;

        public RequestIds()
        {
        }

        /// <summary>Continues after last (e.g. an id kept across a reboot).</summary>
        public RequestIds(int last)
        {
            _last = last < 0 ? 0 : last;
        }

        /// <summary>The next id (1 … 2147483647, then 1 again).</summary>
        public int Next()
        {
            _last = _last == int.MaxValue ? 1 : _last + 1;
            return _last;
        }
    }
}
