using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime.Ports;

namespace OneNetFirmware.Runtime.Node
{
    /// <summary>
    /// The runtime's IDownlinkParser over the protocol's OneJsonReader (strict, in place, never throws). It allocates only
    /// what a command needs: replies are matched by their numeric id (no string) and their msg is decoded only when the
    /// code is not 200; names that are identifiers of the property table are matched in place and handed out as the
    /// table's own strings, so only an unknown name (answered 404) or a request's id is decoded (docs/performance.md).
    /// </summary>
    public sealed class OneJsonDownlinkParser : IDownlinkParser
    {
        private readonly OneJsonReader _r = new OneJsonReader();
        private readonly PropertyTable _properties;

        /// <summary>A parser that decodes every name (no property table to match against).</summary>
        public OneJsonDownlinkParser()
            : this(null)
        {
        }

        /// <param name="properties">The node's properties: their identifiers are matched without allocating.</param>
        public OneJsonDownlinkParser(PropertyTable properties)
        {
            _properties = properties;
        }

        public bool Parse(DownlinkKind kind, byte[] payload, int count, DownlinkMessage message)
        {
            message.Clear();
            if (_r.Read(payload, 0, count) != ReplyCodes.Success) return false;
            if (kind == DownlinkKind.PostReply || kind == DownlinkKind.DesiredGetReply || kind == DownlinkKind.DesiredDeleteReply)
            {
                if (_r.IdLength < 0) return false;
                message.IdNumber = _r.IdNumber;
                message.Code = _r.Code;
                if (message.Code < 0) return false;
                if (message.Code != ReplyCodes.Success) message.Msg = _r.MsgText();
                if (kind == DownlinkKind.DesiredGetReply && _r.DataKind == JsonKind.Object && _r.OpenData())
                {
                    while (_r.NextMember())
                    {
                        long version;
                        if (message.Count == message.Capacity || !_r.SelectDesired(out version)) return false;
                        Put(message);
                        message.Versions[message.Count - 1] = version;
                    }
                }
                return true;
            }
            message.Id = _r.IdText();
            if (message.Id == null) return false;
            int paramsKind = _r.ParamsKind;
            if (paramsKind == JsonKind.None) return kind == DownlinkKind.ServiceInvoke;
            if (kind == DownlinkKind.PropertyGet)
            {
                if (paramsKind != JsonKind.Array || !_r.OpenParams()) return false;
                while (_r.NextElement())
                {
                    string name = ElementName();
                    if (message.Count == message.Capacity || name == null) return false;
                    message.Names[message.Count] = name;
                    message.Kinds[message.Count] = DownlinkMessage.None;
                    message.Count++;
                }
                return true;
            }
            if (paramsKind != JsonKind.Object || !_r.OpenParams()) return false;
            while (_r.NextMember())
            {
                if (message.Count == message.Capacity) return false;
                Put(message);
            }
            return true;
        }

        public string RecoverId(byte[] payload, int count)
        {
            return _r.ScanId(payload, 0, count) ? _r.IdText() : null;
        }

        // The current member's name: the property table's string when it is one of its identifiers, else decoded.
        private string MemberName()
        {
            int count = _properties == null ? 0 : _properties.Count;
            for (int p = 0; p < count; p++)
            {
                if (_r.NameIsKey(_properties.Key(p))) return _properties.Identifier(p);
            }
            return _r.NameText();
        }

        // The current array element as a name (property/get): as MemberName, null when it is not a string.
        private string ElementName()
        {
            int count = _properties == null ? 0 : _properties.Count;
            for (int p = 0; p < count; p++)
            {
                if (_r.ValueIsKey(_properties.Key(p))) return _properties.Identifier(p);
            }
            return _r.ValueText();
        }

        // The reader's current member as the message's next name/value.
        private void Put(DownlinkMessage m)
        {
            int i = m.Count;
            m.Names[i] = MemberName();
            m.Numbers[i] = 0;
            m.Versions[i] = -1;
            int kind = _r.ValueKind;
            double number;
            if (kind == JsonKind.Number)
            {
                m.Kinds[i] = _r.TryGetDouble(out number) ? DownlinkMessage.Number : DownlinkMessage.Other;
                m.Numbers[i] = number;
            }
            else if (kind == JsonKind.True || kind == JsonKind.False)
            {
                m.Kinds[i] = DownlinkMessage.Bool;
                m.Numbers[i] = kind == JsonKind.True ? 1 : 0;
            }
            else if (kind == JsonKind.String)
            {
                // OneNET's own set example quotes a number ("30.5"): a string holding exactly a JSON number counts as
                // that number, "true"/"false" as the bool; any other text stays text (a 422 for every property here).
                bool flag;
                if (_r.TryGetNumberInString(out number))
                {
                    m.Kinds[i] = DownlinkMessage.Number;
                    m.Numbers[i] = number;
                }
                else if (_r.TryGetBoolInString(out flag))
                {
                    m.Kinds[i] = DownlinkMessage.Bool;
                    m.Numbers[i] = flag ? 1 : 0;
                }
                else
                {
                    m.Kinds[i] = DownlinkMessage.Text;
                }
            }
            else
            {
                m.Kinds[i] = DownlinkMessage.Other;
            }
            m.Count = i + 1;
        }
    }
}
