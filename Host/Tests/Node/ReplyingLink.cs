using System.Text;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// The broker and platform for tests that run a node without sockets: every publish is answered on its …/reply topic
/// with code 200 and the post's id, read from the payload and written into a reply array (ten digits: leading zeros
/// read as the same number). Each reply is an array of its own, as M2Mqtt makes one per PUBLISH, because the node keeps
/// it until it handles it (IMqttLinkListener.OnMessage); the arrays come from a ring made up front and far larger than
/// the downlink queue, so delivering replies allocates nothing once the reply topics are known.
/// </summary>
public sealed class ReplyingLink : IMqttLink
{
    private const int IdAt = 7; // {"id":"…
    private readonly byte[][] _replies = new byte[64][];
    private readonly string[] _topics = new string[8];
    private readonly string[] _replyTopics = new string[8];
    private readonly int[] _pendingIds = new int[8];
    private readonly string[] _pendingTopics = new string[8];
    private int _pending;
    private int _nextReply;
    private IMqttLinkListener _listener;
    private bool _connected;

    public ReplyingLink()
    {
        for (int i = 0; i < _replies.Length; i++)
        {
            _replies[i] = Encoding.UTF8.GetBytes("{\"id\":\"0000000000\",\"code\":200,\"msg\":\"success\"}");
        }
    }

    /// <summary>Publishes seen.</summary>
    public int Posts { get; private set; }

    /// <summary>The node's answers to downlinks among them (set_reply, get_reply, invoke_reply).</summary>
    public int Replies { get; private set; }

    public bool IsConnected => _connected;
    public void SetListener(IMqttLinkListener listener) => _listener = listener;

    public int Connect(MqttConnectOptions options)
    {
        _connected = true;
        return ConnectResult.Accepted;
    }

    public bool Subscribe(string[] topicFilters) => true;
    public void Disconnect() => _connected = false;

    /// <summary>The session drops (the broker closed it, the network went): the node must notice and connect again.</summary>
    public void Drop()
    {
        _connected = false;
        _pending = 0;
        _listener.OnConnectionLost();
    }

    /// <summary>A downlink from the platform (a set, a get, an invoke), in an array of its own.</summary>
    public void Deliver(string topic, string json) => _listener.OnMessage(topic, Encoding.UTF8.GetBytes(json));

    public bool Publish(string topic, byte[] payload, int count, int qos)
    {
        if (!_connected) return false;
        Posts++;
        if (topic.EndsWith("_reply", System.StringComparison.Ordinal)) Replies++;
        int id = 0;
        for (int i = IdAt; i < count && payload[i] != (byte)'"'; i++) id = id * 10 + payload[i] - '0';
        _pendingIds[_pending] = id;
        _pendingTopics[_pending++] = ReplyTopic(topic);
        return true;
    }

    /// <summary>Answers every publish since the last call.</summary>
    public void DeliverReplies()
    {
        for (int n = 0; n < _pending; n++)
        {
            byte[] reply = _replies[_nextReply];
            _nextReply = (_nextReply + 1) % _replies.Length;
            for (int v = _pendingIds[n], p = IdAt + 9; p >= IdAt; p--, v /= 10) reply[p] = (byte)('0' + v % 10);
            _listener.OnMessage(_pendingTopics[n], reply);
        }
        _pending = 0;
    }

    // Built once per topic (the node publishes on a handful), so answering concatenates nothing afterwards.
    private string ReplyTopic(string topic)
    {
        int i = 0;
        while (_topics[i] != null && !ReferenceEquals(_topics[i], topic)) i++;
        if (_topics[i] == null)
        {
            _topics[i] = topic;
            _replyTopics[i] = topic + "/reply";
        }
        return _replyTopics[i];
    }
}
