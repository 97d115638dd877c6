using System;
using OneNetFirmware.OneNet.Config;

namespace OneNetFirmware.OneNet
{
    /// <summary>
    /// The OneJSON topics of one directly connected device (docs/onenet-protocol.md#topics-and-payloads), built once per session.
    /// Subscriptions: $sys/{pid}/{dev}/thing/# (a level-5 wildcard, allowed there and used by the Studio SDKs; it
    /// covers every thing reply, set, get and invoke; required) plus $sys/{pid}/{dev}/ota/inform (optional, subscribed
    /// in its own request so a refusal costs only that filter): 2 of the 10 allowed topics.
    /// </summary>
    public sealed class OneNetTopics
    {
        public readonly string Prefix;
        public readonly string PropertyPost;
        public readonly string PropertyPostReply;
        public readonly string PropertySet;
        public readonly string PropertySetReply;
        public readonly string PropertyGet;
        public readonly string PropertyGetReply;
        public readonly string DesiredGet;
        public readonly string DesiredGetReply;
        public readonly string DesiredDelete;
        public readonly string DesiredDeleteReply;
        public readonly string EventPost;
        public readonly string EventPostReply;
        public readonly string HistoryPost;
        public readonly string HistoryPostReply;
        public readonly string PackPost;
        public readonly string PackPostReply;
        public readonly string OtaInform;
        public readonly string OtaInformReply;
        /// <summary>The filter the session cannot work without (thing/#): refused means the session ends.</summary>
        public readonly string[] RequiredSubscriptions;
        // Fields, not literals (const strings are literals): on the device every use of a literal allocates.
        private static readonly string Invoke = "/invoke";
        private static readonly string ReplySuffix = "_reply";
        private static readonly string InvokeReplySuffix = "/invoke_reply";
        /// <summary>Filters subscribed one per request after the required one (ota/inform): refused is logged, not fatal.</summary>
        public readonly string[] OptionalSubscriptions;

        private readonly string _thing;
        private readonly string _servicePrefix;

        public OneNetTopics(string productId, string deviceName)
        {
            if (!TextRules.IsProductId(productId)) throw new ArgumentException("productId must be 1-32 characters [A-Za-z0-9_-]");
            if (!TextRules.IsDeviceName(deviceName)) throw new ArgumentException("deviceName must be 1-64 characters [A-Za-z0-9_-]");
            Prefix = "$sys/" + productId + "/" + deviceName + "/";
            _thing = Prefix + "thing/";
            _servicePrefix = _thing + "service/";
            PropertyPost = _thing + "property/post";
            PropertyPostReply = PropertyPost + "/reply";
            PropertySet = _thing + "property/set";
            PropertySetReply = PropertySet + "_reply";
            PropertyGet = _thing + "property/get";
            PropertyGetReply = PropertyGet + "_reply";
            DesiredGet = _thing + "property/desired/get";
            DesiredGetReply = DesiredGet + "/reply";
            DesiredDelete = _thing + "property/desired/delete";
            DesiredDeleteReply = DesiredDelete + "/reply";
            EventPost = _thing + "event/post";
            EventPostReply = EventPost + "/reply";
            HistoryPost = _thing + "history/post";
            HistoryPostReply = HistoryPost + "/reply";
            PackPost = _thing + "pack/post";
            PackPostReply = PackPost + "/reply";
            OtaInform = Prefix + "ota/inform";
            OtaInformReply = OtaInform + "_reply";
            RequiredSubscriptions = new string[] { _thing + "#" };
            OptionalSubscriptions = new string[] { OtaInform };
        }

        /// <summary>Which <see cref="Downlink"/> the topic is; Unknown for anything else (other devices included). No allocation.</summary>
        public int Classify(string topic)
        {
            if (topic == null) return Downlink.Unknown;
            if (topic == PropertyPostReply) return Downlink.PropertyPostReply;
            if (topic == PropertySet) return Downlink.PropertySet;
            if (topic == PropertyGet) return Downlink.PropertyGet;
            if (topic == DesiredGetReply) return Downlink.DesiredGetReply;
            if (topic == DesiredDeleteReply) return Downlink.DesiredDeleteReply;
            if (topic == EventPostReply) return Downlink.EventPostReply;
            if (topic == HistoryPostReply) return Downlink.HistoryPostReply;
            if (topic == PackPostReply) return Downlink.PackPostReply;
            if (topic == OtaInform) return Downlink.OtaInform;
            return ServiceIdentifierLength(topic) > 0 ? Downlink.ServiceInvoke : Downlink.Unknown;
        }

        /// <summary>The identifier of a …/thing/service/{identifier}/invoke topic, or null if it is not one.</summary>
        public string ServiceIdentifier(string topic)
        {
            int length = ServiceIdentifierLength(topic);
            return length > 0 ? new string(topic.ToCharArray(), _servicePrefix.Length, length) : null;
        }

        /// <summary>True when topic is …/thing/service/{identifier}/invoke for exactly this identifier.</summary>
        public bool IsServiceInvoke(string topic, string identifier)
        {
            int length = ServiceIdentifierLength(topic);
            if (length <= 0 || identifier == null || identifier.Length != length) return false;
            // Natives compare without allocating; a prefix already checked plus identifier + "/invoke" is the whole topic.
            return topic.EndsWith(identifier + Invoke) && topic.Length == _servicePrefix.Length + length + Invoke.Length;
        }

        /// <summary>…/thing/service/{identifier}/invoke_reply for an invoke topic (one string).</summary>
        public string InvokeReply(string invokeTopic)
        {
            return invokeTopic + ReplySuffix;
        }

        /// <summary>…/thing/service/{identifier}/invoke_reply for a service identifier.</summary>
        public string ServiceInvokeReply(string identifier)
        {
            return _servicePrefix + identifier + InvokeReplySuffix;
        }

        // Length of {identifier} in _servicePrefix + identifier + "/invoke", 0 when the topic has another shape.
        // The topic is walked as chars, never indexed (docs/device-runtime.md "Text").
        private int ServiceIdentifierLength(string topic)
        {
            int p = _servicePrefix.Length;
            int length = topic.Length - p - Invoke.Length;
            if (length <= 0 || !topic.StartsWith(_servicePrefix) || !topic.EndsWith(Invoke)) return 0;
            char[] chars = topic.ToCharArray();
            for (int i = 0; i < length; i++)
            {
                if (chars[p + i] == '/') return 0;
            }
            return length;
        }
    }
}
