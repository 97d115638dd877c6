// Compile-only stand-in: NANOFRAMEWORK.md §2.4 (nanoFramework.Iot.Device.Dhtxx.Esp32: Dht11, Dht22, DhtBase).
using System;
using System.Device.Gpio;
using UnitsNet;

namespace Iot.Device.DHTxx.Esp32
{
    public abstract class DhtBase : IDisposable
    {
        public virtual Temperature Temperature { get { throw new NotImplementedException(); } }

        public virtual RelativeHumidity Humidity { get { throw new NotImplementedException(); } }

        public bool IsLastReadSuccessful { get { throw new NotImplementedException(); } }

        public void Dispose() { throw new NotImplementedException(); }
    }

    public class Dht11 : DhtBase
    {
        public Dht11(int pinEcho, int pinTrigger, PinNumberingScheme pinNumberingScheme = PinNumberingScheme.Logical, GpioController gpioController = null, bool shouldDispose = true) { throw new NotImplementedException(); }
    }

    public class Dht22 : DhtBase
    {
        public Dht22(int pinEcho, int pinTrigger, PinNumberingScheme pinNumberingScheme = PinNumberingScheme.Logical, GpioController gpioController = null, bool shouldDispose = true) { throw new NotImplementedException(); }
    }
}
