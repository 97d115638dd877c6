namespace OneNetFirmware.Drivers.Sensors
{
    /// <summary>Something that clocks one 5-byte DHT frame off the data line (host simulation; a bit-banging port).</summary>
    public interface IDhtFrameSource
    {
        /// <summary>Fills frame[offset..offset+4]; false when the sensor did not answer (no start pulse, timeout).</summary>
        bool ReadFrame(byte[] frame, int offset);
    }
}
