namespace OneNetFirmware.Drivers.Gpio
{
    /// <summary>What the status LED shows.</summary>
    public enum LinkState
    {
        NoNetwork = 0,
        NoBroker = 1,
        Online = 2,
        Error = 3,
    }
}
