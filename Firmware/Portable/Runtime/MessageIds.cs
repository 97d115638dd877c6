namespace OneNetFirmware.Runtime
{
    /// <summary>OneJSON request ids: 1…999 999 999 then wrap (OneNET allows up to 13 digits).</summary>
    public sealed class MessageIds
    {
        private int _last;

        public int Next()
        {
            _last = _last >= 999999999 ? 1 : _last + 1;
            return _last;
        }
    }
}
