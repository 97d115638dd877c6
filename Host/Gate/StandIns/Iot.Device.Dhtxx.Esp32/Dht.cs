// COMPILE-ONLY stand-in: nanoFramework.Iot.Device.Dhtxx.Esp32 1.2.889 (docs/packages.md). Signatures copied from
// nanoframework/nanoFramework.IoT.Device b5cd84690 devices/Dhtxx.Esp32 (DhtBase.cs, Devices/Dht11.cs, Devices/Dht22.cs):
// DhtBase has no parameterless constructor, Dht11/Dht22 chain to its (pinEcho, pinTrigger, ...) one.
using System;
using System.Device.Gpio;
using UnitsNet;

namespace Iot.Device.DHTxx.Esp32
{
    public abstract class DhtBase : IDisposable
    {
        public DhtBase(int pinEcho, int pinTrigger, PinNumberingScheme pinNumberingScheme = PinNumberingScheme.Logical, GpioController gpioController = null, bool shouldDispose = true) { throw new NotImplementedException(); }

        public virtual Temperature Temperature { get { throw new NotImplementedException(); } }

        public virtual RelativeHumidity Humidity { get { throw new NotImplementedException(); } }

        public bool IsLastReadSuccessful { get { throw new NotImplementedException(); } }

        public void Dispose() { throw new NotImplementedException(); }
    }

    public class Dht11 : DhtBase
    {
        public Dht11(int pinEcho, int pinTrigger, PinNumberingScheme pinNumberingScheme = PinNumberingScheme.Logical, GpioController gpioController = null, bool shouldDispose = true)
            : base(pinEcho, pinTrigger, pinNumberingScheme, gpioController, shouldDispose) { throw new NotImplementedException(); }
    }

    public class Dht22 : DhtBase
    {
        public Dht22(int pinEcho, int pinTrigger, PinNumberingScheme pinNumberingScheme = PinNumberingScheme.Logical, GpioController gpioController = null, bool shouldDispose = true)
            : base(pinEcho, pinTrigger, pinNumberingScheme, gpioController, shouldDispose) { throw new NotImplementedException(); }
    }
}
