// COMPILE-ONLY stand-in: nanoFramework.System.Device.Gpio 1.1.62 (docs/packages.md). Only the members Firmware/Device/Drivers uses,
// copied from nanoframework/System.Device.Gpio v1.1.62: GpioPin has only an internal constructor, PinValueChangedEventArgs
// only (changeType, pinNumber), PinEventTypes is [Flags].
using System;
using nanoFramework.Runtime.Events;

namespace System.Device.Gpio
{
    public sealed class GpioController : IDisposable
    {
        public GpioController() { throw new NotImplementedException(); }

        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw new NotImplementedException(); }

        public PinValue Read(int pinNumber) { throw new NotImplementedException(); }

        public void Write(int pinNumber, PinValue value) { throw new NotImplementedException(); }

        public void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) { throw new NotImplementedException(); }

        public void Dispose() { throw new NotImplementedException(); }
    }

    public sealed class GpioPin : IDisposable
    {
        internal GpioPin(int pinNumber) { throw new NotImplementedException(); }

        public PinValue Read() { throw new NotImplementedException(); }

        public void Write(PinValue value) { throw new NotImplementedException(); }

        public void Toggle() { throw new NotImplementedException(); }

        public void Dispose() { throw new NotImplementedException(); }
    }

    public delegate void PinChangeEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);

    public class PinValueChangedEventArgs : BaseEvent
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) { throw new NotImplementedException(); }

        public PinEventTypes ChangeType { get { throw new NotImplementedException(); } }

        public int PinNumber { get { throw new NotImplementedException(); } }
    }

    public readonly struct PinValue
    {
        public static PinValue High { get { throw new NotImplementedException(); } }

        public static PinValue Low { get { throw new NotImplementedException(); } }

        public static implicit operator PinValue(bool value) { throw new NotImplementedException(); }

        public static explicit operator bool(PinValue value) { throw new NotImplementedException(); }
    }

    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown,
    }

    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2,
    }

    public enum PinNumberingScheme
    {
        Logical,
        Board,
    }
}
