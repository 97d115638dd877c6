using System;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Aht20;
using OneNetFirmware.Drivers.Chips.Bh1750;
using OneNetFirmware.Drivers.Chips.Bme280;
using OneNetFirmware.Drivers.Chips.Dht;
using OneNetFirmware.Drivers.Chips.Sht3x;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips;
using OneNetFirmware.Host.Simulation.Chips.Aht20;
using OneNetFirmware.Host.Simulation.Chips.Bh1750;
using OneNetFirmware.Host.Simulation.Chips.Bme280;
using OneNetFirmware.Host.Simulation.Chips.Dht;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using Xunit;

namespace OneNetFirmware.Host.Tests.Chips
{
    /// <summary>Every driver against its register-level simulated chip: good reads and each injected fault.</summary>
    public class SimulatedChipFaultTests
    {
        private static (ISensorDriver Driver, SimulatedChip Chip, VirtualClock Clock) Make(string type)
        {
            var clock = new VirtualClock();
            var bus = new SimulatedI2cBus();
            SimulatedChip chip = SimulatedChips.Create(type, clock)!;
            int address = SensorRegistry.DefaultAddress(type);
            bus.Attach(address, chip);
            // Through the registry, as the sampler builds it: the table row is tested with the driver.
            ISensorDriver driver = SensorRegistry.Find(type)!.CreateOnI2c(bus.Open(address), clock);
            return (driver, chip, clock);
        }

        private static void AssertAllNaN(ISensorDriver driver)
        {
            foreach (Reading r in driver.Readings) Assert.True(double.IsNaN(r.Value), r.Quantity);
        }

        [Fact]
        public void Sht3xReadsTheSimulatedClimate()
        {
            var (driver, chip, _) = Make(Sht3xDriver.TypeName);
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
            var (driver, chip, _) = Make(Aht20Driver.TypeName);
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
            var (driver, chip, _) = Make(Bh1750Driver.TypeName);
            ((Bh1750Chip)chip).Lux = 1234.5;
            Assert.Equal(ReadStatus.Ok, driver.Initialize());
            Assert.Equal(ReadStatus.Ok, driver.Read());
            Assert.Equal(1234.5, driver.Readings[0].Value, 1.0);
        }

        [Theory]
        [InlineData(Bme280Driver.Bme280TypeName)]
        [InlineData(Bme280Driver.Bmp280TypeName)]
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
            Assert.Equal(type == Bme280Driver.Bme280TypeName ? 3 : 2, driver.Readings.Length);
            if (type == Bme280Driver.Bme280TypeName) Assert.Equal(61.2, driver.Readings[2].Value, 0.05);
        }

        [Fact]
        public void WrongChipIdIsNotFound()
        {
            var (driver, chip, _) = Make(Bme280Driver.Bme280TypeName);
            ((Bme280Chip)chip).ChipIdOverride = 0x58;
            Assert.Equal(ReadStatus.NotFound, driver.Initialize());
            AssertAllNaN(driver);
        }

        [Theory]
        [InlineData(Sht3xDriver.TypeName)]
        [InlineData(Aht20Driver.TypeName)]
        [InlineData(Bme280Driver.Bme280TypeName)]
        [InlineData(Bme280Driver.Bmp280TypeName)]
        [InlineData(Bh1750Driver.TypeName)]
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
        [InlineData(Sht3xDriver.TypeName, ReadStatus.BusNack)]
        [InlineData(Aht20Driver.TypeName, ReadStatus.BusNack)]
        [InlineData(Bme280Driver.Bme280TypeName, ReadStatus.BusNack)]
        [InlineData(Bh1750Driver.TypeName, ReadStatus.BusNack)]
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
        [InlineData(Sht3xDriver.TypeName)]
        [InlineData(Aht20Driver.TypeName)]
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
        [InlineData(Sht3xDriver.TypeName)]
        [InlineData(Aht20Driver.TypeName)]
        [InlineData(Bme280Driver.Bme280TypeName)]
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
            var driver = new DhtDriver(DhtDriver.Dht22TypeName, dht, clock);
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
            var driver = new DhtDriver(DhtDriver.Dht22TypeName, dht, clock);
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
            var driver = new DhtDriver(DhtDriver.Dht11TypeName, dht, new VirtualClock());
            Assert.Equal(ReadStatus.Ok, driver.Read());
            Assert.Equal(23.4, driver.Readings[0].Value, 1e-9);
            Assert.Equal(41.0, driver.Readings[1].Value, 1e-9);
        }
    }
}
