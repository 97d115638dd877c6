using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Drivers.Chips.Bme280;

namespace OneNetFirmware.Host.Simulation.Chips.Bme280;

/// <summary>
/// Bosch BME280 (chip id 0x60) or BMP280 (0x58) as a register file: id 0xD0, reset 0xE0 ← 0xB6, calibration
/// 0x88–0xA1 and (BME280) 0xE1–0xE7, ctrl_hum 0xF2 (latched by the next ctrl_meas write), status 0xF3 bit 3 measuring,
/// ctrl_meas 0xF4 (forced mode starts one conversion), data 0xF7–0xFE (0x80000/0x8000 = skipped). Calibration is the
/// BMP280 datasheet §3.12 example plus plausible humidity trimming; the raw ADC values for the requested temperature,
/// pressure and humidity come from inverting the compensation by bisection.
/// </summary>
public sealed class Bme280Chip : SimulatedChip
{
    private const int MeasureMilliseconds = 9;
    private readonly bool _humidity;
    private readonly byte[] _registers = new byte[256];
    private readonly BoschCalibration _calibration = new();
    private int _pointer;
    private int _humidityOversampling;
    private long _measureStartedMs = -1;

    public Bme280Chip(IClock clock, bool bme280) : base(clock)
    {
        _humidity = bme280;
        ushort[] tp = [27504, 26435, unchecked((ushort)-1000), 36477, unchecked((ushort)-10685), 3024, 2855, 140, unchecked((ushort)-7), 15500, unchecked((ushort)-14600), 6000];
        for (int i = 0; i < tp.Length; i++)
        {
            _registers[0x88 + 2 * i] = (byte)tp[i];
            _registers[0x89 + 2 * i] = (byte)(tp[i] >> 8);
        }
        _calibration.LoadTemperaturePressure(_registers, 0x88);
        if (bme280)
        {
            _registers[0xA1] = 75; // dig_H1
            byte[] h = [0x6C, 0x01, 0x00, 0x14, 0x2A, 0x03, 0x1E]; // H2=364 H3=0 H4=330 H5=50 H6=30
            h.CopyTo(_registers, 0xE1);
            _calibration.LoadHumidity(_registers[0xA1], _registers, 0xE1);
        }
        Reset();
    }

    public double Temperature { get; set; } = 22.5;

    /// <summary>Pascal.</summary>
    public double Pressure { get; set; } = 101325.0;

    public double Humidity { get; set; } = 45.0;

    /// <summary>Fault: report a different chip id (e.g. a BMP280 configured as a BME280).</summary>
    public int? ChipIdOverride { get; set; }

    protected override I2cStatus OnWrite(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0) return I2cStatus.Ok;
        _pointer = data[0];
        for (int i = 1; i < data.Length; i++)
        {
            WriteRegister((_pointer + i - 1) & 0xFF, data[i]);
        }
        return I2cStatus.Ok;
    }

    protected override I2cStatus OnRead(Span<byte> data)
    {
        FinishConversion();
        for (int i = 0; i < data.Length; i++)
        {
            int register = (_pointer + i) & 0xFF;
            data[i] = register == 0xD0 && ChipIdOverride != null ? (byte)ChipIdOverride.Value : _registers[register];
        }
        return I2cStatus.Ok;
    }

    private void WriteRegister(int register, byte value)
    {
        if (register == 0xE0 && value == 0xB6) Reset();
        else if (register == 0xF2 && _humidity) _registers[0xF2] = (byte)(value & 0x07);
        else if (register == 0xF4)
        {
            _registers[0xF4] = value;
            _humidityOversampling = _registers[0xF2] & 0x07;
            if ((value & 0x03) == 0x01 || (value & 0x03) == 0x02)
            {
                _measureStartedMs = Clock.NowMilliseconds;
                _registers[0xF3] |= 0x08;
            }
        }
        else if (register == 0xF5) _registers[0xF5] = value;
    }

    private void Reset()
    {
        for (int r = 0xF2; r <= 0xFE; r++) _registers[r] = 0;
        _registers[0xD0] = (byte)(_humidity ? 0x60 : 0x58);
        _registers[0xF7] = 0x80;
        _registers[0xFA] = 0x80;
        _registers[0xFD] = 0x80;
        _measureStartedMs = -1;
        _humidityOversampling = 0;
    }

    private void FinishConversion()
    {
        if (_measureStartedMs < 0 || StuckBusy || Clock.NowMilliseconds - _measureStartedMs < MeasureMilliseconds) return;
        _measureStartedMs = -1;
        _registers[0xF3] &= 0xF7;
        _registers[0xF4] &= 0xFC; // back to sleep mode
        int osrsT = (_registers[0xF4] >> 5) & 0x07;
        int osrsP = (_registers[0xF4] >> 2) & 0x07;
        int adcT = osrsT == 0 ? 0x80000 : InverseTemperature(Temperature);
        int fine = _calibration.FineTemperature(osrsT == 0 ? InverseTemperature(Temperature) : adcT);
        int adcP = osrsP == 0 ? 0x80000 : InversePressure(Pressure, fine);
        Put20(0xF7, adcP);
        Put20(0xFA, adcT);
        if (_humidity)
        {
            int adcH = _humidityOversampling == 0 ? 0x8000 : InverseHumidity(Humidity, fine);
            _registers[0xFD] = (byte)(adcH >> 8);
            _registers[0xFE] = (byte)adcH;
        }
    }

    private void Put20(int register, int value)
    {
        _registers[register] = (byte)(value >> 12);
        _registers[register + 1] = (byte)(value >> 4);
        _registers[register + 2] = (byte)((value & 0x0F) << 4);
    }

    private int InverseTemperature(double celsius) =>
        Bisect(0, 0xFFFFF, Inverse.Temperature, (long)Math.Round(celsius * 100), 0);

    // Pressure falls as adc_P rises: the first adc whose pressure is at or below the target.
    private int InversePressure(double pascal, int fine) =>
        Bisect(0, 0xFFFFF, Inverse.Pressure, (long)Math.Round(pascal * 256), fine);

    private int InverseHumidity(double percent, int fine) =>
        Bisect(0, 0xFFFF, Inverse.Humidity, (long)Math.Round(percent * 1024), fine);

    private enum Inverse { Temperature, Pressure, Humidity }

    /// <summary>
    /// The smallest value in [low, high] whose compensated reading reaches target (high if none): a bisection over the
    /// monotonic compensation. No delegate, so a conversion allocates nothing and the node's allocation tests measure
    /// the node alone.
    /// </summary>
    private int Bisect(int low, int high, Inverse quantity, long target, int fine)
    {
        while (low < high)
        {
            int mid = low + (high - low) / 2;
            if (Reached(quantity, mid, target, fine)) high = mid;
            else low = mid + 1;
        }
        return low;
    }

    private bool Reached(Inverse quantity, int adc, long target, int fine) => quantity switch
    {
        Inverse.Temperature => BoschCalibration.TemperatureCentiDegrees(_calibration.FineTemperature(adc)) >= target,
        Inverse.Pressure => _calibration.PressureQ24_8(adc, fine) <= target,
        _ => _calibration.HumidityQ22_10(adc, fine) >= target,
    };
}
