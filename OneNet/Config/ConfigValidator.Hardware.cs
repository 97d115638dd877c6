using OneNetFirmware.Drivers.Chips;

namespace OneNetFirmware.OneNet.Config
{
    /// <summary>The hardware half of ConfigValidator: pins (each claimed once), I2C buses, sensors and their channels, outputs, inputs.</summary>
    public static partial class ConfigValidator
    {
        private static void ValidateI2cBuses(I2cBusConfig[] buses, string[] owners, ConfigErrors errors)
        {
            if (buses == null) return;
            for (int i = 0; i < buses.Length; i++)
            {
                string path = "i2c[" + i + "]";
                I2cBusConfig bus = buses[i];
                if (bus == null)
                {
                    errors.Add(path, "must be an object");
                    continue;
                }
                if (bus.Bus != 1 && bus.Bus != 2)
                {
                    errors.Add(path + ".bus", "the ESP32 has I2C buses 1 and 2");
                }
                for (int j = 0; j < i; j++)
                {
                    if (buses[j] != null && buses[j].Bus == bus.Bus)
                    {
                        errors.Add(path + ".bus", "bus " + bus.Bus + " is already declared at i2c[" + j + "]");
                    }
                }
                ClaimPin(bus.SdaPin, true, path + ".sdaPin", owners, errors);
                ClaimPin(bus.SclPin, true, path + ".sclPin", owners, errors);
            }
        }

        private static void ValidateSensors(SensorConfig[] sensors, I2cBusConfig[] buses, string[] owners, IdentifierSet identifiers, ConfigErrors errors)
        {
            if (sensors == null) return;
            for (int i = 0; i < sensors.Length; i++)
            {
                string path = "sensors[" + i + "]";
                SensorConfig s = sensors[i];
                if (s == null)
                {
                    errors.Add(path, "must be an object");
                    continue;
                }
                if (!SensorRegistry.IsKnownType(s.Type))
                {
                    errors.Add(path + ".type", "unknown sensor type '" + s.Type + "'; supported: " + SensorRegistry.KnownTypes);
                    continue;
                }
                if (SensorRegistry.IsI2c(s.Type))
                {
                    if (!IsDeclaredBus(buses, s.Bus))
                    {
                        errors.Add(path + ".bus", "I2C bus " + s.Bus + " is not declared in i2c");
                    }
                    if (s.Address != null && s.Address.Length > 0)
                    {
                        int address = TextRules.ParseI2cAddress(s.Address);
                        if (!SensorRegistry.IsValidAddress(s.Type, address))
                        {
                            errors.Add(path + ".address", "'" + s.Address + "' is not an address a " + s.Type + " can have");
                        }
                    }
                    if (s.Pin >= 0 || s.TriggerPin >= 0)
                    {
                        errors.Add(path + ".pin", "an I2C sensor uses its bus pins; remove pin/triggerPin");
                    }
                }
                else if (s.Pin < 0 || s.TriggerPin < 0)
                {
                    // The ESP32 DHT driver (RMT) needs two GPIOs wired to the same data line.
                    errors.Add(path + (s.Pin < 0 ? ".pin" : ".triggerPin"), "a " + s.Type + " needs pin (receive) and triggerPin (start pulse), both wired to its data line");
                }
                else
                {
                    ClaimPin(s.Pin, false, path + ".pin", owners, errors);
                    ClaimPin(s.TriggerPin, true, path + ".triggerPin", owners, errors);
                }
                int min = SensorRegistry.MinIntervalSeconds(s.Type);
                if (s.IntervalSeconds < min || s.IntervalSeconds > 86400)
                {
                    errors.Add(path + ".intervalSeconds", "a " + s.Type + " can be read at most every " + min + " s (allowed " + min + " to 86400)");
                }
                ValidateChannels(s, path, identifiers, errors);
            }
        }

        private static void ValidateChannels(SensorConfig s, string sensorPath, IdentifierSet identifiers, ConfigErrors errors)
        {
            if (s.Channels == null || s.Channels.Length == 0)
            {
                errors.Add(sensorPath + ".channels", "at least one channel (" + SensorRegistry.QuantitiesOf(s.Type) + ")");
                return;
            }
            for (int c = 0; c < s.Channels.Length; c++)
            {
                string path = sensorPath + ".channels[" + c + "]";
                ChannelConfig ch = s.Channels[c];
                if (ch == null)
                {
                    errors.Add(path, "must be an object");
                    continue;
                }
                if (!SensorRegistry.Measures(s.Type, ch.Quantity))
                {
                    errors.Add(path + ".quantity", "a " + s.Type + " measures " + SensorRegistry.QuantitiesOf(s.Type));
                }
                else
                {
                    for (int d = 0; d < c; d++)
                    {
                        if (s.Channels[d] != null && s.Channels[d].Quantity == ch.Quantity)
                        {
                            errors.Add(path + ".quantity", "'" + ch.Quantity + "' is already published by channels[" + d + "]");
                        }
                    }
                }
                identifiers.Claim(ch.Identifier, path + ".identifier", errors);
                Range(errors, path + ".decimals", ch.Decimals, 0, 6, null);
                if (ch.Scale == 0 || double.IsNaN(ch.Scale) || double.IsInfinity(ch.Scale))
                {
                    errors.Add(path + ".scale", "must be a finite number other than 0");
                }
                if (ch.Min > ch.Max)
                {
                    errors.Add(path + ".min", "must not be above max");
                }
                Range(errors, path + ".averageSamples", ch.AverageSamples, 1, 64, null);
                if (ch.ReportDelta < 0)
                {
                    errors.Add(path + ".reportDelta", "must not be negative");
                }
                if (ch.HeartbeatSeconds < 0)
                {
                    errors.Add(path + ".heartbeatSeconds", "must not be negative (0 = no heartbeat)");
                }
            }
        }

        private static void ValidateOutputs(OutputConfig[] outputs, string[] owners, IdentifierSet identifiers, ConfigErrors errors)
        {
            if (outputs == null) return;
            for (int i = 0; i < outputs.Length; i++)
            {
                string path = "outputs[" + i + "]";
                OutputConfig o = outputs[i];
                if (o == null)
                {
                    errors.Add(path, "must be an object");
                    continue;
                }
                if (o.Type != "relay" && o.Type != "led")
                {
                    errors.Add(path + ".type", "must be relay or led");
                }
                ClaimPin(o.Pin, true, path + ".pin", owners, errors);
                identifiers.Claim(o.Identifier, path + ".identifier", errors);
            }
        }

        private static void ValidateInputs(InputConfig[] inputs, string[] owners, IdentifierSet identifiers, ConfigErrors errors)
        {
            if (inputs == null) return;
            for (int i = 0; i < inputs.Length; i++)
            {
                string path = "inputs[" + i + "]";
                InputConfig input = inputs[i];
                if (input == null)
                {
                    errors.Add(path, "must be an object");
                    continue;
                }
                bool counter = input.Type == "counter";
                if (!counter && input.Type != "contact" && input.Type != "motion" && input.Type != "button")
                {
                    errors.Add(path + ".type", "must be contact, motion, button or counter");
                }
                if (input.Pull != "up" && input.Pull != "down" && input.Pull != "none")
                {
                    errors.Add(path + ".pull", "must be up, down or none");
                }
                Range(errors, path + ".debounceMilliseconds", input.DebounceMilliseconds, 0, 10000, null);
                ClaimPin(input.Pin, false, path + ".pin", owners, errors);
                if (input.Pin >= 34 && input.Pin <= 39 && (input.Pull == "up" || input.Pull == "down"))
                {
                    errors.Add(path + ".pull", "GPIO " + input.Pin + " has no internal pull resistor; use \"none\" and an external resistor");
                }
                identifiers.Claim(input.Identifier, path + ".identifier", errors);
                if (input.RateIdentifier != null && input.RateIdentifier.Length > 0)
                {
                    if (!counter)
                    {
                        errors.Add(path + ".rateIdentifier", "only a counter has a rate");
                    }
                    identifiers.Claim(input.RateIdentifier, path + ".rateIdentifier", errors);
                }
                if (counter && (input.Scale <= 0 || double.IsNaN(input.Scale) || double.IsInfinity(input.Scale)))
                {
                    errors.Add(path + ".scale", "must be a positive number");
                }
                Range(errors, path + ".decimals", input.Decimals, 0, 6, null);
            }
        }

        private static bool IsDeclaredBus(I2cBusConfig[] buses, int bus)
        {
            if (buses == null) return false;
            for (int i = 0; i < buses.Length; i++)
            {
                if (buses[i] != null && buses[i].Bus == bus) return true;
            }
            return false;
        }

        /// <summary>Checks that a GPIO exists on the ESP32, can drive an output if asked to, and is not used twice.</summary>
        private static void ClaimPin(int pin, bool output, string path, string[] owners, ConfigErrors errors)
        {
            if (pin < 0 || pin >= GpioCount || pin == 20 || pin == 24 || (pin >= 28 && pin <= 31))
            {
                errors.Add(path, "GPIO " + pin + " does not exist on the ESP32");
                return;
            }
            if (pin >= 6 && pin <= 11)
            {
                errors.Add(path, "GPIO " + pin + " is wired to the SPI flash");
                return;
            }
            if (output && pin >= 34)
            {
                errors.Add(path, "GPIO " + pin + " is input-only");
                return;
            }
            if (owners[pin] != null)
            {
                errors.Add(path, "GPIO " + pin + " is already used by " + owners[pin]);
                return;
            }
            owners[pin] = path;
        }
    }
}
