namespace OneNetFirmware.Drivers.Gpio
{
    /// <summary>The input's bias resistor (config "pull": up, down, none).</summary>
    public enum GpioPull
    {
        None = 0,
        Up = 1,
        Down = 2,
    }
}
