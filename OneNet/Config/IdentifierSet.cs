using System.Collections;

namespace OneNetFirmware.OneNet.Config
{
    /// <summary>Collects the OneNET identifiers a configuration publishes, rejecting malformed and duplicate ones.</summary>
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
