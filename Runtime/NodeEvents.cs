using OneNetFirmware.Config;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The OneNET events of the configured contact, motion and button inputs, one per input identifier, each with one
    /// bool output parameter (docs/events.md): contact {"open":…} (true when the contact opens), motion
    /// {"detected":…} (true when motion starts), button {"pressed":…} (true when pressed, false when released).
    /// </summary>
    public static class NodeEvents
    {
        public const string ContactParameter = "open";
        public const string MotionParameter = "detected";
        public const string ButtonParameter = "pressed";

        public static EventTable FromConfig(NodeConfig config)
        {
            var table = new EventTable(config.Inputs.Length);
            for (int i = 0; i < config.Inputs.Length; i++)
            {
                InputConfig input = config.Inputs[i];
                string parameter = Parameter(input.Type);
                if (parameter != null)
                {
                    table.Add(input.Identifier, parameter);
                }
            }
            return table;
        }

        /// <summary>The output parameter of an input type's event, or null when the type raises no event (counter).</summary>
        public static string Parameter(string inputType)
        {
            if (inputType == "contact") return ContactParameter;
            if (inputType == "motion") return MotionParameter;
            if (inputType == "button") return ButtonParameter;
            return null;
        }

        /// <summary>
        /// The parameter's value for a debounced state: the input is active when closed / motion / pressed, so a
        /// contact is "open" when it is not active.
        /// </summary>
        public static bool Value(string inputType, bool active)
        {
            return inputType == "contact" ? !active : active;
        }
    }
}
