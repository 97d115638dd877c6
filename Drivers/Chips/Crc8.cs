namespace OneNetFirmware.Drivers.Chips
{
    /// <summary>CRC-8 polynomial 0x31 (x^8+x^5+x^4+1), init 0xFF, no reflection: Sensirion SHT3x and Aosong AHT20.</summary>
    public static class Crc8
    {
        public static byte Compute(byte[] data, int offset, int count)
        {
            int crc = 0xFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= data[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x31) & 0xFF : (crc << 1) & 0xFF;
                }
            }
            return (byte)crc;
        }
    }
}
