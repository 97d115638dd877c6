using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// What survives a reboot, saved through IBoard.SaveRecord as short text lines "key=value":
    /// boots (boot count), reason (why the runtime last rebooted the board; empty when it did not),
    /// wdreboots (watchdog reboots since the node was last online for the boot-loop window),
    /// out (the last commanded state of each output with restoreState, by identifier: "relay1:1,pump:0").
    /// Unknown or bad lines and entries are ignored, so a damaged record only resets counters and outputs fall back to
    /// initialOn. Every save goes through Save, so the supervisor's reboot reason and the outputs never overwrite each other.
    /// </summary>
    public sealed class NodeRecord
    {
        /// <summary>A longer "out" value is damage, not outputs (identifiers are at most 20 characters).</summary>
        public const int MaxOutputsLength = 1024;

        private readonly object _saveLock = new object();
        /// <summary>The "out" value; replaced whole (never edited in place), so another thread reads it safely.</summary>
        private string _outputs = "";
        // _outputs as chars, kept with it: the text is walked as chars, never indexed (docs/device-runtime.md "Text").
        private char[] _outputChars = new char[0];

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
            // Walked as chars (never indexed, split or searched as a string: docs/device-runtime.md "Text").
            char[] chars = text.ToCharArray();
            int lineStart = 0;
            while (lineStart < chars.Length)
            {
                int lineEnd = lineStart;
                while (lineEnd < chars.Length && chars[lineEnd] != '\n') lineEnd++;
                int start = lineStart;
                lineStart = lineEnd + 1;
                int eq = start;
                while (eq < lineEnd && chars[eq] != '=') eq++;
                if (eq == start || eq == lineEnd)
                {
                    continue;
                }
                string key = new string(chars, start, eq - start).Trim();
                string value = new string(chars, eq + 1, lineEnd - eq - 1).Trim();
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
                else if (key == "out" && value.Length <= MaxOutputsLength)
                {
                    record.SetOutputsText(value);
                }
            }
            return record;
        }

        public string ToText()
        {
            return "boots=" + BootCount.ToString() + "\nreason=" + Clean(LastRebootReason) + "\nwdreboots="
                + RecentWatchdogReboots.ToString() + "\nout=" + _outputs + "\n";
        }

        /// <summary>Writes the record through the board; the one writer of the record text (main loop and supervisor).</summary>
        public void Save(IBoard board)
        {
            lock (_saveLock)
            {
                board.SaveRecord(ToText());
            }
        }

        /// <summary>The saved state of the output, false when the record has no well-formed entry for it. No allocation.</summary>
        public bool TryGetOutput(string identifier, out bool on)
        {
            on = false;
            char[] text = _outputChars;
            int start = 0;
            while (start < text.Length)
            {
                int end = EntryEnd(text, start);
                if (IsEntry(text, start, end) && NameIs(start, end - 2, identifier))
                {
                    on = text[end - 1] == '1';
                    return true;
                }
                start = end + 1;
            }
            return false;
        }

        /// <summary>Records the output's state (identifier from the validated config), keeping the other well-formed entries.</summary>
        public void SetOutput(string identifier, bool on)
        {
            char[] text = _outputChars;
            string result = "";
            int start = 0;
            while (start < text.Length)
            {
                int end = EntryEnd(text, start);
                if (IsEntry(text, start, end) && !NameIs(start, end - 2, identifier))
                {
                    result = result + new string(text, start, end - start) + ",";
                }
                start = end + 1;
            }
            SetOutputsText(result + identifier + (on ? ":1" : ":0"));
        }

        /// <summary>Forgets every output state (the outputs then record again the ones the configuration restores).</summary>
        public void ClearOutputs()
        {
            SetOutputsText("");
        }

        private void SetOutputsText(string text)
        {
            _outputs = text;
            _outputChars = text.ToCharArray();
        }

        private static int EntryEnd(char[] text, int start)
        {
            int end = start;
            while (end < text.Length && text[end] != ',') end++;
            return end;
        }

        /// <summary>"name:0" or "name:1", the name of identifier characters (letters, digits, '_').</summary>
        private static bool IsEntry(char[] text, int start, int end)
        {
            if (end - start < 3 || text[end - 2] != ':' || (text[end - 1] != '0' && text[end - 1] != '1'))
            {
                return false;
            }
            for (int i = start; i < end - 2; i++)
            {
                if (!OneNetFirmware.OneNet.Config.TextRules.IsIdentifierChar(text[i]))
                {
                    return false;
                }
            }
            return true;
        }

        // The entry's name [start, end) is identifier: a native comparison in place, without allocating. Entries hold
        // only identifier characters (IsEntry), so the text before them is ASCII and the index is exact.
        private bool NameIs(int start, int end, string identifier)
        {
            return identifier != null && end - start == identifier.Length
                && _outputs.IndexOf(identifier, start, end - start) == start;
        }

        /// <summary>Loads the record, counts this boot, moves the saved reason to PreviousRebootReason and saves it back.</summary>
        public static NodeRecord LoadAndCountBoot(IBoard board)
        {
            NodeRecord record = Parse(board.LoadRecord());
            record.BootCount++;
            record.PreviousRebootReason = record.LastRebootReason;
            record.LastRebootReason = "";
            record.Save(board);
            return record;
        }

        private static int ParseCount(string text)
        {
            int value = 0;
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
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
