namespace OneNetFirmware.Drivers.Chips
{
    /// <summary>Why a sensor read failed — or Ok. A failed read never yields a value.</summary>
    public enum ReadStatus
    {
        Ok = 0,
        /// <summary>The chip did not acknowledge its address or a byte (I2C NACK).</summary>
        BusNack = 1,
        /// <summary>A checksum or CRC over the data did not match.</summary>
        CrcMismatch = 2,
        /// <summary>The chip stayed busy, or the transfer did not finish in time.</summary>
        Timeout = 3,
        /// <summary>The decoded value is physically impossible for this chip (a bad read).</summary>
        OutOfRange = 4,
        /// <summary>Nothing answered at start, or the chip id was wrong.</summary>
        NotFound = 5,
        /// <summary>Any other bus or driver error.</summary>
        Failed = 6,
        /// <summary>The driver threw (a device library's exception): a failed read like any other.</summary>
        Threw = 7,
    }
}
