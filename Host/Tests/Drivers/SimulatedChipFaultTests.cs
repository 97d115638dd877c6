using System;
using OneNetFirmware.Drivers;
using OneNetFirmware.Drivers.Sensors;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips;
using Xunit;

namespace OneNetFirmware.Host.Tests.Drivers
{
    /// <summary>Every driver against its register-level simulated chip: good reads and each injected fault.</summary>
    public class SimulatedChipFaultTests
    {
        private static (ISensorDriver Driver, SimulatedChip Chip, VirtualClock Clock) Make(string type)
        {
            var clock = new VirtualClock();
            var bus = new SimulatedI2cBus();
            SimulatedChip chip = type switch
            {
                SensorCatalog.Sht3x => new Sht3xChip(clock),
                SensorCatalog.Aht20 => new Aht20Chip(clock),
                SensorCatalog.Bh1750 => new Bh1750Chip(clock),
                SensorCatalog.Bme280 => new Bme280Chip(clock, true),
                _ => new Bme280Chip(clock, false),
            };
            int address = SensorCatalog.DefaultAddress(type);
            bus.Attach(address, chip);
            ISensorDriver driver = type switch
            {
                SensorCatalog.Sht3x => new Sht3xDriver(bus.Open(address), clock),
                SensorCatalog.Aht20 => new Aht20Driver(bus.Open(address), clock),
                SensorCatalog.Bh1750 => new Bh1750Driver(bus.Open(address), clock),
                _ => new Bme280Driver(type, bus.Open(address), clock),
            };
            return (driver, chip, clock);
        }

        private static void AssertAllNaN(ISensorDriver driver)
        {
            foreach (Reading r in driver.Readings) Assert.True(double.IsNaN(r.Value), r.Quantity);
        }

        [Fact]
        public void Sht3xReadsTheSimulatedClimate()
        {
            var (driver, chip, _) = Make(SensorCatalog.Sht3x);
            ((Sht3xChip)chip).Temperature = -12.3;
            ((Sht3xChip)chip).Humidity = 87.6;
            Assert.Equal(ReadStatus.Ok, driver.Initialize());
            Assert.Equal(ReadStatus.Ok, driver.Read());
            Assert.Equal(-12.3, driver.Readings[0].Value, 0.01);
            Assert.Equal(87.6, driver.Readings[1].Value, 0.01);
        }

        [Fact]
        public void Aht20ReadsAndInitialisesAnUncalibratedChip()
        {
            var (driver, chip, _) = Make(SensorCatalog.Aht20);
            var aht = (Aht20Chip)chip;
            aht.Calibrated = false;
            aht.Temperature = 31.25;
            aht.Humidity = 12.5;
            Assert.Equal(ReadStatus.Ok, driver.Initialize());
            Assert.True(aht.Calibrated);
            Assert.Equal(ReadStatus.Ok, driver.Read());
            Assert.Equal(31.25, driver.Readings[0].Value, 0.001);
            Assert.Equal(12.5, driver.Readings[1].Value, 0.001);
        }

        [Fact]
        public void Bh1750ReadsLux()
        {
            var (driver, chip, _) = Make(SensorCatalog.Bh1750);
            ((Bh1750Chip)chip).Lux = 1234.5;
            Assert.Equal(ReadStatus.Ok, driver.Initialize());
            Assert.Equal(ReadStatus.Ok, driver.Read());
            Assert.Equal(1234.5, driver.Readings[0].Value, 1.0);
        }

        [Theory]
        [InlineData(SensorCatalog.Bme280)]
        [InlineData(SensorCatalog.Bmp280)]
        public void BoschChipsReadThroughTheInvertedCompensation(string type)
        {
            var (driver, chip, _) = Make(type);
            var bosch = (Bme280Chip)chip;
            bosch.Temperature = 18.4;
            bosch.Pressure = 95432;
            bosch.Humidity = 61.2;
            Assert.Equal(ReadStatus.Ok, driver.Initialize());
            Assert.Equal(ReadStatus.Ok, driver.Read());
            Assert.Equal(18.4, driver.Readings[0].Value, 0.011);
            Assert.Equal(95432, driver.Readings[1].Value, 2.0);
            Assert.Equal(type == SensorCatalog.Bme280 ? 3 : 2, driver.Readings.Length);
            if (type == SensorCatalog.Bme280) Assert.Equal(61.2, driver.Readings[2].Value, 0.05);
        }

        [Fact]
        public void WrongChipIdIsNotFound()
        {
            var (driver, chip, _) = Make(SensorCatalog.Bme280);
            ((Bme280Chip)chip).ChipIdOverride = 0x58;
            Assert.Equal(ReadStatus.NotFound, driver.Initialize());
            AssertAllNaN(driver);
        }

        [Theory]
        [InlineData(SensorCatalog.Sht3x)]
        [InlineData(SensorCatalog.Aht20)]
        [InlineData(SensorCatalog.Bme280)]
        [InlineData(SensorCatalog.Bmp280)]
        [InlineData(SensorCatalog.Bh1750)]
        public void AbsentChipIsNotFoundAtStartAndNackLater(string type)
        {
            var (driver, chip, _) = Make(type);
            chip.Absent = true;
            Assert.Equal(ReadStatus.NotFound, driver.Initialize());
            chip.Absent = false;
            Assert.Equal(ReadStatus.Ok, driver.Initialize());
            Assert.Equal(ReadStatus.Ok, driver.Read());
            chip.Absent = true;
            Assert.NotEqual(ReadStatus.Ok, driver.Read());
            AssertAllNaN(driver);
        }

        [Theory]
        [InlineData(SensorCatalog.Sht3x, ReadStatus.BusNack)]
        [InlineData(SensorCatalog.Aht20, ReadStatus.BusNack)]
        [InlineData(SensorCatalog.Bme280, ReadStatus.BusNack)]
        [InlineData(SensorCatalog.Bh1750, ReadStatus.BusNack)]
        public void OneNackedTransferFailsOneReadOnly(string type, ReadStatus expected)
        {
            var (driver, chip, _) = Make(type);
            Assert.Equal(ReadStatus.Ok, driver.Initialize());
            Assert.Equal(ReadStatus.Ok, driver.Read());
            chip.NackTransfers = 1;
            Assert.Equal(expected, driver.Read());
            AssertAllNaN(driver);
            Assert.Equal(ReadStatus.Ok, driver.Read());
        }

        [Theory]
        [InlineData(SensorCatalog.Sht3x)]
        [InlineData(SensorCatalog.Aht20)]
        public void CorruptCrcIsReportedAndGivesNoValue(string type)
        {
            var (driver, chip, _) = Make(type);
            Assert.Equal(ReadStatus.Ok, driver.Initialize());
            Assert.Equal(ReadStatus.Ok, driver.Read());
            chip.CorruptCrc = true;
            Assert.Equal(ReadStatus.CrcMismatch, driver.Read());
            AssertAllNaN(driver);
        }

        [Theory]
        [InlineData(SensorCatalog.Sht3x)]
        [InlineData(SensorCatalog.Aht20)]
        [InlineData(SensorCatalog.Bme280)]
        public void StuckBusyIsATimeoutAfterBoundedWaiting(string type)
        {
            var (driver, chip, clock) = Make(type);
            Assert.Equal(ReadStatus.Ok, driver.Initialize());
            chip.StuckBusy = true;
            long before = clock.NowMilliseconds;
            Assert.Equal(ReadStatus.Timeout, driver.Read());
            Assert.InRange(clock.NowMilliseconds - before, 1, 500);
            AssertAllNaN(driver);
        }

        [Fact]
        public void DhtInitialiseTakesNoMeasurementAndTheFirstReadIsReal()
        {
            var clock = new VirtualClock();
            var dht = new SimulatedDht(true) { Temperature = -7.5, Humidity = 55.5 };
            var driver = new DhtDriver(SensorCatalog.Dht22, dht, clock);
            Assert.Equal(ReadStatus.Ok, driver.Initialize());
            Assert.Equal(0, dht.Measurements);
            Assert.Equal(ReadStatus.Ok, driver.Read()); // right after Initialize, as a battery wake-up does
            Assert.Equal(-7.5, driver.Readings[0].Value, 1e-9);
            Assert.Equal(55.5, driver.Readings[1].Value, 1e-9);
            clock.Advance(2000);
            dht.CorruptChecksum = true;
            Assert.Equal(ReadStatus.CrcMismatch, driver.Read());
            AssertAllNaN(driver);
            clock.Advance(2000);
            dht.Absent = true;
            Assert.Equal(ReadStatus.Timeout, driver.Read());
            AssertAllNaN(driver);
        }

        [Fact]
        public void DhtMeasurementsAreAtLeastTwoSecondsApartAndRangeChecked()
        {
            var clock = new VirtualClock();
            var dht = new SimulatedDht(true) { Temperature = 20, Humidity = 50 };
            var driver = new DhtDriver(SensorCatalog.Dht22, dht, clock);
            driver.Initialize();
            Assert.Equal(ReadStatus.Ok, driver.Read());
            clock.Advance(1999);
            // Within the library's cache window a "read" would be the previous frame: refused, and the sensor untouched.
            Assert.Equal(ReadStatus.Timeout, driver.Read());
            Assert.Equal(1, dht.Measurements);
            AssertAllNaN(driver);
            clock.Advance(1);
            dht.Temperature = 85; // beyond the DHT22's -40..80 °C
            Assert.Equal(ReadStatus.OutOfRange, driver.Read());
            AssertAllNaN(driver);
        }

        [Fact]
        public void Dht11FrameRoundTrips()
        {
            var dht = new SimulatedDht(false) { Temperature = 23.4, Humidity = 41 };
            var driver = new DhtDriver(SensorCatalog.Dht11, dht, new VirtualClock());
            Assert.Equal(ReadStatus.Ok, driver.Read());
            Assert.Equal(23.4, driver.Readings[0].Value, 1e-9);
            Assert.Equal(41.0, driver.Readings[1].Value, 1e-9);
        }
    }
}
