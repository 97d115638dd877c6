namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The protocol seams the runtime is built with (docs/architecture.md "Ports"): the token for CONNECT, the OneJSON
    /// writer the uplink writes with, the size of the payload buffer it writes into, and the parser the downlink handler
    /// reads with. Tests swap in fakes here.
    /// </summary>
    public sealed class OneNetProtocol
    {
        public readonly ITokenSource Tokens;
        public readonly IOneJsonWriter Writer;
        public readonly IDownlinkParser Parser;
        /// <summary>The uplink's payload buffer (bytes): what Writer needs for this node's largest post (NodeBuilder).</summary>
        public readonly int PayloadBufferBytes;

        public OneNetProtocol(ITokenSource tokens, IOneJsonWriter writer, IDownlinkParser parser, int payloadBufferBytes)
        {
            Tokens = tokens;
            Writer = writer;
            Parser = parser;
            PayloadBufferBytes = payloadBufferBytes;
        }
    }
}
