using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Drivers.Chips
{
    /// <summary>Shared steps of every driver: bus status to ReadStatus, and clearing readings after a failure.</summary>
    public static class SensorStatus
    {
        public static ReadStatus FromBus(I2cStatus status)
        {
            if (status == I2cStatus.Ok) return ReadStatus.Ok;
            if (status == I2cStatus.Nack) return ReadStatus.BusNack;
            return ReadStatus.Failed;
        }

        /// <summary>Sets every reading to NaN and passes the status through, so a failure never leaves a stale value.</summary>
        public static ReadStatus Fail(Reading[] readings, ReadStatus status)
        {
            for (int i = 0; i < readings.Length; i++)
            {
                readings[i].Value = double.NaN;
            }
            return status;
        }
    }
}
