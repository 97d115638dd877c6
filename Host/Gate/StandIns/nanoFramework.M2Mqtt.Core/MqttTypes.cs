// COMPILE-ONLY stand-in: nanoFramework.M2Mqtt.Core 5.1.220 (docs/packages.md): IMqttClient, enums, event args, copied from
// nanoframework/nanoFramework.m2mqtt v5.1.220 nanoFramework.M2Mqtt.Core/ (the event args have only their full constructors).
// The delegates are nested in IMqttClient: MqttClient's events are typed IMqttClient.MqttMsgPublishEventHandler etc.
// (checked against nanoframework/nanoFramework.m2mqtt MqttClient.cs); the firmware subscribes with method groups.
using System;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public interface IMqttClient
    {
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);
        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);
        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);
    }

    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
        TLSv1_3
    }
}

namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
        GrantedFailure = 0x80
    }

    /// <summary>Only the CONNACK values the firmware maps (v3.1.1 refusals share 1–5).</summary>
    public enum MqttReasonCode
    {
        Success = 0,
        ConnectionRefusedUnacceptableProtocolVersion = 1,
        ConnectionRefusedIdentifierRejected = 2,
        ConnectionRefusedServerUnavailable = 3,
        ConnectionRefusedBadUserNameOrPassword = 4,
        ConnectionRefusedNotAuthorized = 5,
        UnspecifiedError = 0x80
    }

    public class MqttMsgPublishEventArgs : EventArgs
    {
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain) { throw new NotImplementedException(); }

        public string Topic { get { throw new NotImplementedException(); } }
        public byte[] Message { get { throw new NotImplementedException(); } }
    }

    public class MqttMsgSubscribedEventArgs : EventArgs
    {
        public MqttMsgSubscribedEventArgs(ushort messageId, MqttQoSLevel[] grantedQosLevels) { throw new NotImplementedException(); }

        public ushort MessageId { get { throw new NotImplementedException(); } }
        public MqttQoSLevel[] GrantedQoSLevels { get { throw new NotImplementedException(); } }
    }
}
