namespace OneNetFirmware.Runtime
{
    /// <summary>The seam to the digital outputs (relays, LEDs), each a writable bool property.</summary>
    public interface IOutputs
    {
        /// <summary>True when propertyIndex is one of the outputs.</summary>
        bool Has(int propertyIndex);

        bool Get(int propertyIndex);

        /// <summary>Switches the output; false when the pin could not be driven.</summary>
        bool Set(int propertyIndex, bool on);
    }
}
