using System;
using System.Collections.Generic;
using System.Text.Json;

namespace OneNetFirmware.Host.Emulator
{
    /// <summary>One point the platform stored: identifier, its value, the device's `time` (ms) if any.</summary>
    public sealed record PostedValue(string Identifier, JsonElement Value, long? TimeMs);

    /// <summary>An uplink the platform accepted (code 200): what OneNET would have received.</summary>
    public sealed record AcceptedPost(DateTimeOffset ReceivedAt, string ProductId, string DeviceName, string Topic, string Kind, string Id, JsonElement Params, IReadOnlyList<PostedValue> Values);

    /// <summary>A device's answer to a downlink (set_reply, get_reply, invoke_reply) as the platform saw it.</summary>
    public sealed record DeviceReply(DateTimeOffset ReceivedAt, string ProductId, string DeviceName, string Topic, string Id, int? Code, string Msg, JsonElement Payload);

    /// <summary>An uplink the platform answered with a non-200 code.</summary>
    public sealed record RejectedPost(DateTimeOffset ReceivedAt, string ProductId, string DeviceName, string Topic, int Code, string Msg);

    /// <summary>A downlink the platform sent (property set/get, service invoke): what the console shows next to the device's reply.</summary>
    public sealed record SentDownlink(DateTimeOffset SentAt, string ProductId, string DeviceName, string Suffix, string Id, string ParamsJson);

    /// <summary>
    /// A post's `time` the platform would probably misread: Kind Seconds (a value that only makes sense as epoch seconds,
    /// or a clock that was never set) or Future (more than OneJsonPosts.FutureTolerance ahead of the platform clock).
    /// The post is still accepted: what OneNET does with such times is unconfirmed.
    /// </summary>
    public sealed record TimeWarning(string Identifier, long TimeMs, string Kind)
    {
        public const string Seconds = "seconds";
        public const string Future = "future";
        public DateTimeOffset ReceivedAt { get; init; }
        public string ProductId { get; init; }
        public string DeviceName { get; init; }
    }

    /// <summary>Why the emulator ended a connection or refused a CONNECT.</summary>
    public sealed record ConnectionEvent(DateTimeOffset At, string ClientId, string What)
    {
        /// <summary>The product of the device (its CONNECT's user name): the same ClientId in two products is two devices.</summary>
        public string ProductId { get; init; }
    }
}
