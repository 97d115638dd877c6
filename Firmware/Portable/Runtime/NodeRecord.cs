namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// What survives a reboot, saved through IBoard.SaveRecord as short text lines "key=value":
    /// boots (boot count), reason (why the runtime last rebooted the board; empty when it did not),
    /// wdreboots (watchdog reboots since the node was last online for the boot-loop window).
    /// Unknown or bad lines are ignored, so a damaged record only resets counters.
    /// </summary>
    public sealed class NodeRecord
    {
        public int BootCount;
        public string LastRebootReason = "";
        public int RecentWatchdogReboots;

        /// <summary>
        /// The reason saved before the reboot that started this boot (not saved again: a later power cut must not
        /// be reported with an old reason); empty when the runtime did not cause the last reset.
        /// </summary>
        public string PreviousRebootReason = "";

        public static NodeRecord Parse(string text)
        {
            var record = new NodeRecord();
            if (text == null)
            {
                return record;
            }
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                int eq = line.IndexOf('=');
                if (eq <= 0)
                {
                    continue;
                }
                string key = line.Substring(0, eq);
                string value = line.Substring(eq + 1);
                if (key == "boots")
                {
                    record.BootCount = ParseCount(value);
                }
                else if (key == "reason")
                {
                    record.LastRebootReason = value;
                }
                else if (key == "wdreboots")
                {
                    record.RecentWatchdogReboots = ParseCount(value);
                }
            }
            return record;
        }

        public string ToText()
        {
            return "boots=" + BootCount.ToString() + "\nreason=" + Clean(LastRebootReason) + "\nwdreboots="
                + RecentWatchdogReboots.ToString() + "\n";
        }

        /// <summary>Loads the record, counts this boot, moves the saved reason to PreviousRebootReason and saves it back.</summary>
        public static NodeRecord LoadAndCountBoot(Ports.IBoard board)
        {
            NodeRecord record = Parse(board.LoadRecord());
            record.BootCount++;
            record.PreviousRebootReason = record.LastRebootReason;
            record.LastRebootReason = "";
            board.SaveRecord(record.ToText());
            return record;
        }

        private static int ParseCount(string text)
        {
            int value = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9' || value > 100000000)
                {
                    return 0;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }

        private static string Clean(string reason)
        {
            if (reason == null)
            {
                return "";
            }
            char[] chars = reason.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] == '\n' || chars[i] == '\r')
                {
                    chars[i] = ' ';
                }
            }
            return new string(chars);
        }
    }
}
