namespace OneNetFirmware.OneNet.Config
{
    /// <summary>
    /// Battery mode's wake-up by an input: only the ESP32's RTC GPIOs can wake the chip from deep sleep, and the node
    /// uses one of them (ext0, one pin at a level): the first contact, motion or button input on an RTC GPIO.
    /// </summary>
    public static class WakePins
    {
        /// <summary>The RTC GPIOs, for messages.</summary>
        public const string Rtc = "0, 2, 4, 12-15, 25-27, 32-39";

        /// <summary>True when pin is an RTC GPIO (can wake the ESP32 from deep sleep).</summary>
        public static bool CanWake(int pin)
        {
            return pin == 0 || pin == 2 || pin == 4 || (pin >= 12 && pin <= 15) || (pin >= 25 && pin <= 27)
                || (pin >= 32 && pin <= 39);
        }

        /// <summary>True for the input types that raise events (contact, motion, button) — those that can wake.</summary>
        public static bool IsEventInput(InputConfig input)
        {
            return input != null && (input.Type == "contact" || input.Type == "motion" || input.Type == "button");
        }

        /// <summary>The input that wakes the board (the first event input on an RTC GPIO), or null when none can.</summary>
        public static InputConfig WakeInput(InputConfig[] inputs)
        {
            for (int i = 0; inputs != null && i < inputs.Length; i++)
            {
                if (IsEventInput(inputs[i]) && CanWake(inputs[i].Pin))
                {
                    return inputs[i];
                }
            }
            return null;
        }
    }
}
