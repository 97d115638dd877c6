using OneNetFirmware.OneNet;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// DownlinkHandler's rare paths: refusals, unreadable or ignored downlinks and desired values not applied, logged and
    /// answered with a msg naming the member. Their message text stays out of the hot methods, where a literal allocates
    /// at each use on the device; the IL scan lists them as cold (docs/performance.md).
    /// </summary>
    public sealed partial class DownlinkHandler
    {
        private void IgnoreOta(int length)
        {
            OtaNotices++;
            _log.Info("OTA notice received (" + length.ToString()
                + " bytes) and ignored: this firmware does not update over the air");
        }

        /// <summary>
        /// A payload longer than the queue's MaxPayloadBytes: only its head (headLength bytes) is read, for the id.
        /// </summary>
        private void RefuseTooLarge(DownlinkKind kind, string service, byte[] payload, int headLength)
        {
            _counters.OversizeDownlinks++;
            _log.Warn("downlink too large (kind " + ((int)kind).ToString() + ", " + payload.Length.ToString()
                + " bytes, over " + headLength.ToString() + ")");
            AnswerUnreadable(kind, service, payload, headLength, ReplyCodes.TooLarge);
        }

        private void RefuseMalformed(DownlinkKind kind, string service, byte[] payload, int length)
        {
            _counters.MalformedDownlinks++;
            _log.Warn("malformed downlink (kind " + ((int)kind).ToString() + ", " + length.ToString() + " bytes)");
            AnswerUnreadable(kind, service, payload, length, ReplyCodes.Malformed);
        }

        private void LogDesiredGetRefused()
        {
            _log.Warn("desired/get refused: code " + _message.Code.ToString() + " " + _message.Msg);
        }

        private void LogDesiredDeleteRefused()
        {
            _log.Warn("desired/delete refused: code " + _message.Code.ToString() + " " + _message.Msg
                + " (the value may come back at the next connect)");
        }

        private void LogDesiredSuperseded(int i)
        {
            _log.Info("desired value for '" + _message.Names[i] + "' not applied: a property/set came after it");
        }

        private void LogDesiredNotApplied(int i)
        {
            _log.Warn("desired value for '" + _message.Names[i] + "' could not be applied; kept for the next connect");
        }

        private void LogDesiredIgnored(int i, int code)
        {
            _log.Warn("desired value for '" + _message.Names[i] + "' ignored: " + Describe(code));
        }

        /// <summary>A set or get refused because of member i: the reply's msg names it.</summary>
        private void Refuse(DownlinkKind kind, int i, int code)
        {
            Reply(kind, null, code, _message.Names[i] + ": " + Describe(code));
        }

        /// <summary>A set whose member i passed the check but the device refused: 422, "name: rejected by the device".</summary>
        private void RefuseRejected(int i)
        {
            Reply(DownlinkKind.PropertySet, null, ReplyCodes.WrongType, _message.Names[i] + ": " + Describe(ReplyCodes.Success));
        }

        private void RefuseUnknownService(string service)
        {
            Reply(DownlinkKind.ServiceInvoke, service, ReplyCodes.UnknownIdentifier, "unknown service");
        }

        private string UnknownServiceReplyTopic(string service)
        {
            return _uplink.Topics.ServiceInvokeReply(service);
        }

        /// <summary>
        /// A request that could not be read (malformed, or too large and only its head read) is answered with code when
        /// its id is known: from the parser, or recovered from payload[0..length). Without an id nothing can be answered.
        /// </summary>
        private void AnswerUnreadable(DownlinkKind kind, string service, byte[] payload, int length, int code)
        {
            if (!IsRequest(kind))
            {
                return;
            }
            if (code == ReplyCodes.TooLarge || _message.Id == null)
            {
                _message.Id = _parser.RecoverId(payload, length);
            }
            if (_message.Id != null)
            {
                Reply(kind, service, code, ReplyCodes.Message(code));
            }
        }

        private static string Describe(int code)
        {
            // Success here means the check passed but the device refused the value.
            return code == ReplyCodes.Success ? "rejected by the device" : ReplyCodes.Message(code);
        }
    }
}
