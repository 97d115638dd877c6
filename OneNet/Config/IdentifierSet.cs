using System.Collections;

namespace OneNetFirmware.OneNet.Config
{
    /// <summary>Collects the OneNET identifiers a configuration publishes, rejecting malformed, reserved and duplicate ones.</summary>
    internal class IdentifierSet
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _paths = new ArrayList();

        public void Claim(string identifier, string path, ConfigErrors errors)
        {
            if (!TextRules.IsIdentifier(identifier))
            {
                errors.Add(path, "'" + identifier + "' is not a valid OneNET identifier ([A-Za-z][A-Za-z0-9_]{0,19})");
                return;
            }
            if (ReservedIdentifiers.IsReserved(identifier))
            {
                errors.Add(path, "'" + identifier + "' is the node's own (report_interval, sample_interval, the reboot and "
                    + "report_now services, diag_…): choose another identifier");
                return;
            }
            for (int i = 0; i < _names.Count; i++)
            {
                if ((string)_names[i] == identifier)
                {
                    errors.Add(path, "'" + identifier + "' is already used by " + (string)_paths[i]);
                    return;
                }
            }
            _names.Add(identifier);
            _paths.Add(path);
        }
    }
}
