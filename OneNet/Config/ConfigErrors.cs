using System.Collections;

namespace OneNetFirmware.OneNet.Config
{
    /// <summary>The problems found in a configuration, each as "path: message" with the JSON path of the bad field.</summary>
    public class ConfigErrors
    {
        private readonly ArrayList _items = new ArrayList();

        public int Count
        {
            get { return _items.Count; }
        }

        public bool IsEmpty
        {
            get { return _items.Count == 0; }
        }

        public string this[int index]
        {
            get { return (string)_items[index]; }
        }

        public void Add(string path, string message)
        {
            _items.Add(path + ": " + message);
        }
    }
}
