namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The MQTT password (the OneNET token) for one CONNECT, computed fresh before every attempt. The protocol's token
    /// builder implements it. Returns null when no valid token can be made now: the clock is not valid and `et` is
    /// relative (a lifetime), or the computed `et` would already be past.
    /// </summary>
    public interface ITokenSource
    {
        string PasswordAt(bool utcValid, long utcUnixSeconds);
    }
}
