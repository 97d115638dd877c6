using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// The managed heap a built NodeRuntime holds on a 32-bit nanoCLR, counted from the real objects: the object graph is
/// walked by reflection from each feature's root, in order, and every object of the device's assemblies, array and
/// string is sized as nanoCLR lays it out (docs/performance.md "Heap held per feature"): 12-byte heap blocks, an object
/// is one block plus one per instance field, an array a 20-byte header plus its elements (a reference element is a
/// 12-byte block), a string a block plus its UTF-8 text and a terminator; each rounded up to whole blocks. An object
/// reached from an earlier root is counted there once. Host adapters (link, board, clock, simulated hardware) are not
/// walked: the device has its own.
/// </summary>
public static class HeapBudget
{
    public const int Block = 12;
    private const int ArrayHeader = Block + 8; // CLR_RT_HeapBlock_Array: the block, element count, type, size, flags

    /// <summary>The features of a node, in the order their bytes are attributed.</summary>
    public static (string Feature, Func<NodeRuntime, object[]> Roots)[] Features =>
    [
        ("property and event tables (identifiers, kinds, pre-encoded names)", n => [n.Properties, n.InputEvents.Events]),
        ("sampler, drivers and inputs", n => [n.Sampler]),
        ("node context: record, counters, settings, outputs, heartbeat", n => [n.Context]),
        ("outbox: readings and their pending slots", n => [n.Outbox]),
        ("event outbox: events and their pending slots", n => [n.InputEvents]),
        ("uplink: payload buffer, topic strings", n => [n.Uplink.Buffer, n.Uplink.Topics]), // before the writer, which points at the buffer
        ("writer: identifier keys and caches", n => [n.Uplink.Writer]),
        ("downlink queue (references to the link's payload arrays)", n => [n.Downlinks]),
        ("downlink handler: message, desired deletes, reader", n => [n.DownlinkHandler]),
        ("supervisor, main loop, diagnostics, the rest", n => [n]),
    ];

    /// <summary>The row of the static readonly tables (counted first, so nothing they hold is counted twice).</summary>
    public const string StaticsFeature = "static readonly tables (pre-encoded literals, digit table, reply texts)";

    /// <summary>
    /// Bytes held per feature for a node, the static readonly tables last. The statics are walked first: an object a
    /// static field holds (a built-in identifier, a pre-encoded fragment) is counted there, not again in a feature.
    /// </summary>
    public static (string Feature, int Bytes)[] Measure(NodeRuntime node)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        int statics = Statics(seen);
        var rows = new List<(string, int)>();
        foreach (var (feature, roots) in Features)
        {
            int bytes = 0;
            foreach (object root in roots(node)) bytes += Walk(root, seen);
            rows.Add((feature, bytes));
        }
        rows.Add((StaticsFeature, statics));
        return rows.ToArray();
    }

    // The static readonly fields of the device's types (pre-encoded literals, digit table), held for good.
    private static int Statics(HashSet<object> seen)
    {
        int bytes = 0;
        foreach (Type type in DeviceAssemblies.SelectMany(a => a.GetTypes()).Where(t => !t.IsGenericTypeDefinition))
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            {
                // A const is no field at run time; a lazily filled static (battery mode's CRC table, 1,044 B) exists
                // only once its feature ran, so only the static readonly fields a type's constructor fills count.
                if (field.IsLiteral || !field.IsInitOnly) continue;
                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
                bytes += Walk(field.GetValue(null), seen);
            }
        }
        return bytes;
    }

    private static readonly Assembly[] DeviceAssemblies =
    [
        typeof(NodeRuntime).Assembly, typeof(OneNetFirmware.OneNet.OneJsonWriter).Assembly,
        typeof(OneNetFirmware.Drivers.Chips.Sht3x.Sht3xDriver).Assembly,
    ];

    private static int Walk(object root, HashSet<object> seen)
    {
        int bytes = 0;
        var stack = new Stack<object>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            object o = stack.Pop();
            if (o == null || !seen.Add(o)) continue;
            Type type = o.GetType();
            if (o is string s)
            {
                bytes += Round(Block + Encoding.UTF8.GetByteCount(s) + 1);
            }
            else if (o is Array array)
            {
                Type element = type.GetElementType()!;
                bytes += Round(ArrayHeader + array.Length * ElementSize(element));
                if (!element.IsValueType)
                {
                    foreach (object item in array) stack.Push(item);
                }
            }
            else if (DeviceAssemblies.Contains(type.Assembly) || type == typeof(object))
            {
                List<FieldInfo> fields = InstanceFields(type);
                bytes += Block * (1 + fields.Count);
                foreach (FieldInfo field in fields)
                {
                    if (!field.FieldType.IsValueType) stack.Push(field.GetValue(o));
                }
            }
        }
        return bytes;
    }

    private static int ElementSize(Type element) =>
        !element.IsValueType ? Block
        : element.IsEnum ? ElementSize(Enum.GetUnderlyingType(element))
        : element == typeof(byte) || element == typeof(sbyte) || element == typeof(bool) ? 1
        : element == typeof(char) || element == typeof(short) || element == typeof(ushort) ? 2
        : element == typeof(long) || element == typeof(ulong) || element == typeof(double) ? 8
        : element == typeof(int) || element == typeof(uint) || element == typeof(float) ? 4
        : Block; // a struct element is a block

    private static List<FieldInfo> InstanceFields(Type type)
    {
        var fields = new List<FieldInfo>();
        for (Type t = type; t != null && t != typeof(object); t = t.BaseType)
        {
            fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        }
        return fields;
    }

    private static int Round(int bytes) => (bytes + Block - 1) / Block * Block;
}
