namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The OneJSON topics of this device (ONENET.md §4.1), built once; classifies what arrives by its topic.
    /// </summary>
    public sealed class TopicSet
    {
        public readonly string Prefix;
        public readonly string PropertyPost;
        public readonly string HistoryPost;
        public readonly string PropertySetReply;
        public readonly string PropertyGetReply;
        public readonly string DesiredGet;
        public readonly string[] Subscriptions;
        private readonly string _servicePrefix;

        public TopicSet(string productId, string deviceName)
        {
            Prefix = "$sys/" + productId + "/" + deviceName + "/thing/";
            PropertyPost = Prefix + "property/post";
            HistoryPost = Prefix + "history/post";
            PropertySetReply = Prefix + "property/set_reply";
            PropertyGetReply = Prefix + "property/get_reply";
            DesiredGet = Prefix + "property/desired/get";
            _servicePrefix = Prefix + "service/";
            Subscriptions = new string[] { Prefix + "#" };
        }

        public string InvokeReply(string service)
        {
            return _servicePrefix + service + "/invoke_reply";
        }

        /// <summary>The kind of a downlink topic; for a service call, service receives its identifier.</summary>
        public DownlinkKind Classify(string topic, out string service)
        {
            service = null;
            if (topic == null || !topic.StartsWith(Prefix))
            {
                return DownlinkKind.Unknown;
            }
            string rest = topic.Substring(Prefix.Length);
            if (rest == "property/set")
            {
                return DownlinkKind.PropertySet;
            }
            if (rest == "property/get")
            {
                return DownlinkKind.PropertyGet;
            }
            if (rest == "property/desired/get/reply")
            {
                return DownlinkKind.DesiredGetReply;
            }
            if (rest == "property/post/reply" || rest == "history/post/reply")
            {
                return DownlinkKind.PostReply;
            }
            if (rest.StartsWith("service/") && rest.EndsWith("/invoke"))
            {
                string name = rest.Substring(8, rest.Length - 8 - 7);
                if (name.Length > 0 && name.IndexOf('/') < 0)
                {
                    service = name;
                    return DownlinkKind.ServiceInvoke;
                }
            }
            return DownlinkKind.Unknown;
        }
    }
}
