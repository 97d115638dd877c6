namespace OneNetFirmware.OneNet.Ports
{
    /// <summary>
    /// One small binary file that survives deep sleep, reboots and power loss. Device: a file on the internal flash
    /// I:\ written aside and renamed (never torn); host: memory (tests) or a file (`run`).
    /// </summary>
    public interface IStorage
    {
        /// <summary>
        /// Copies the saved bytes into buffer and returns how many: 0 when nothing is saved, -1 when they do not fit
        /// the buffer or cannot be read (the caller treats both as "nothing usable").
        /// </summary>
        int Read(byte[] buffer);

        /// <summary>Replaces the saved bytes with buffer[0..count); count 0 removes them. False when it failed.</summary>
        bool Write(byte[] buffer, int count);
    }
}
