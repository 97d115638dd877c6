using OneNetFirmware.OneNet.Config;

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
        // Fields, not literals: Value runs for every input event, and on the device each literal use allocates.
        private static readonly string Contact = "contact";
        private static readonly string Motion = "motion";
        private static readonly string Button = "button";

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
            if (inputType == Contact) return ContactParameter;
            if (inputType == Motion) return MotionParameter;
            if (inputType == Button) return ButtonParameter;
            return null;
        }

        /// <summary>
        /// The parameter's value for a debounced state: the input is active when closed / motion / pressed, so a
        /// contact is "open" when it is not active.
        /// </summary>
        public static bool Value(string inputType, bool active)
        {
            return inputType == Contact ? !active : active;
        }
    }
}
