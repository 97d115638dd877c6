namespace OneNetFirmware.Drivers.Ports
{
    /// <summary>How one I2C transfer ended: NACK (nobody answered, or a byte was refused) is told apart from other failures.</summary>
    public enum I2cStatus
    {
        Ok = 0,
        /// <summary>The address or a data byte was not acknowledged.</summary>
        Nack = 1,
        /// <summary>Fewer bytes than asked were transferred, clock stretching timed out, or the bus failed otherwise.</summary>
        Failed = 2,
    }
}
