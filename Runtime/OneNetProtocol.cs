namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The protocol seams the runtime is built with (docs/architecture.md "Ports"): the token for CONNECT, the OneJSON
    /// writer the uplink writes with and the parser the downlink handler reads with. Tests swap in fakes here.
    /// </summary>
    public sealed class OneNetProtocol
    {
        public readonly ITokenSource Tokens;
        public readonly IOneJsonWriter Writer;
        public readonly IDownlinkParser Parser;

        public OneNetProtocol(ITokenSource tokens, IOneJsonWriter writer, IDownlinkParser parser)
        {
            Tokens = tokens;
            Writer = writer;
            Parser = parser;
        }
    }
}
