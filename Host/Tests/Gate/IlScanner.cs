using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>
    /// Walks the IL of a compiled assembly's methods (System.Reflection.Metadata) and reports the instructions that
    /// allocate on nanoCLR: ldstr (a new string per use there: no interning), box, newobj, newarr, and calls of the
    /// mscorlib members that return a new string or array (Concat, ToString, ToCharArray, Substring, Split, Format).
    /// Methods are named "Type.Method(param,…)" with short type names (docs/performance.md).
    /// </summary>
    public sealed class IlScanner
    {
        private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value);
        private static readonly HashSet<string> AllocatingCalls = ["Concat", "ToString", "ToCharArray", "Substring", "Split", "Format"];

        private readonly Dictionary<string, List<string>> _findings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _callees = new(StringComparer.Ordinal);

        /// <summary>Every method with a body, by "Type.Method(params)", with what allocates in it (empty when nothing).</summary>
        public IReadOnlyDictionary<string, List<string>> Methods => _findings;

        /// <summary>The methods of the same assembly each method calls (names as in Methods).</summary>
        public IReadOnlyDictionary<string, List<string>> Callees => _callees;

        /// <summary>
        /// What allocates in the methods an entry names and in everything they call within the assembly, except the
        /// methods in cold (by name as in Methods: first-use encoding, error paths): "Caller → Callee: finding".
        /// </summary>
        public List<string> Reachable(IEnumerable<string> methods, ISet<string> cold)
        {
            var found = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Queue<(string Method, string Path)>(methods.Select(m => (m, m)));
            while (pending.Count > 0)
            {
                (string method, string path) = pending.Dequeue();
                if (cold.Contains(method) || !seen.Add(method) || !_findings.ContainsKey(method)) continue;
                found.AddRange(_findings[method].Select(f => path + ": " + f));
                foreach (string callee in _callees[method]) pending.Enqueue((callee, path + " → " + callee));
            }
            return found;
        }

        public static IlScanner Read(Stream assembly)
        {
            var scanner = new IlScanner();
            using var pe = new PEReader(assembly);
            MetadataReader md = pe.GetMetadataReader();
            foreach (TypeDefinitionHandle typeHandle in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(typeHandle);
                foreach (MethodDefinitionHandle handle in type.GetMethods())
                {
                    MethodDefinition method = md.GetMethodDefinition(handle);
                    if (method.RelativeVirtualAddress == 0) continue;
                    string name = Display(md, type, method);
                    var callees = new List<string>();
                    scanner._findings[name] = Allocations(md, pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes(), callees);
                    scanner._callees[name] = callees;
                }
            }
            return scanner;
        }

        /// <summary>
        /// The methods an entry names: "Type.Method" every overload, "Type.Method(byte[]" the overloads whose parameter
        /// list starts so. Empty when none matches (a stale entry).
        /// </summary>
        public IReadOnlyList<string> Matching(string entry)
        {
            string prefix = entry.Contains('(') ? entry : entry + "(";
            return _findings.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        }

        private static List<string> Allocations(MetadataReader md, byte[] il, List<string> callees)
        {
            var found = new List<string>();
            int p = 0;
            while (p < il.Length)
            {
                int at = p;
                short value = il[p++];
                if (value == 0xFE) value = (short)(0xFE00 | il[p++]);
                OpCode op = OpCodesByValue[value];
                int token = op.OperandType is OperandType.InlineString or OperandType.InlineType or OperandType.InlineMethod
                    ? BitConverter.ToInt32(il, p) : 0;
                p += OperandSize(op, il, p);
                if (op == OpCodes.Ldstr) found.Add($"IL_{at:x4} ldstr \"{md.GetUserString(MetadataTokens.UserStringHandle(token))}\"");
                else if (op == OpCodes.Box || op == OpCodes.Newarr) found.Add($"IL_{at:x4} {op.Name} {TypeName(md, MetadataTokens.EntityHandle(token))}");
                else if (op == OpCodes.Newobj) found.Add($"IL_{at:x4} newobj {MemberName(md, MetadataTokens.EntityHandle(token))}");
                else if ((op == OpCodes.Call || op == OpCodes.Callvirt) && AllocatingCall(md, MetadataTokens.EntityHandle(token)) is string call)
                    found.Add($"IL_{at:x4} {op.Name} {call}");
                if ((op == OpCodes.Call || op == OpCodes.Callvirt) && MetadataTokens.EntityHandle(token).Kind == HandleKind.MethodDefinition)
                {
                    MethodDefinition callee = md.GetMethodDefinition((MethodDefinitionHandle)MetadataTokens.EntityHandle(token));
                    callees.Add(Display(md, md.GetTypeDefinition(callee.GetDeclaringType()), callee));
                }
            }
            return found;
        }

        private static int OperandSize(OpCode op, byte[] il, int p) => op.OperandType switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, p),
            _ => 4,
        };

        // A call of an mscorlib member that makes a new string or array (a member reference: defined elsewhere).
        private static string AllocatingCall(MetadataReader md, EntityHandle handle)
        {
            if (handle.Kind != HandleKind.MemberReference) return null;
            MemberReference member = md.GetMemberReference((MemberReferenceHandle)handle);
            string name = md.GetString(member.Name);
            return AllocatingCalls.Contains(name) ? MemberName(md, handle) : null;
        }

        private static string MemberName(MetadataReader md, EntityHandle handle)
        {
            if (handle.Kind == HandleKind.MemberReference)
            {
                MemberReference member = md.GetMemberReference((MemberReferenceHandle)handle);
                return TypeName(md, member.Parent) + "." + md.GetString(member.Name);
            }
            if (handle.Kind == HandleKind.MethodDefinition)
            {
                MethodDefinition method = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                return TypeName(md, method.GetDeclaringType()) + "." + md.GetString(method.Name);
            }
            return handle.Kind.ToString();
        }

        private static string TypeName(MetadataReader md, EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)handle).Name),
            HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)handle).Name),
            HandleKind.TypeSpecification => md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(new ShortNames(md), null),
            _ => handle.Kind.ToString(),
        };

        private static string Display(MetadataReader md, TypeDefinition type, MethodDefinition method)
        {
            MethodSignature<string> signature = method.DecodeSignature(new ShortNames(md), null);
            string typeName = md.GetString(type.Name);
            if (!type.GetDeclaringType().IsNil) typeName = md.GetString(md.GetTypeDefinition(type.GetDeclaringType()).Name) + "+" + typeName;
            return typeName + "." + md.GetString(method.Name) + "(" + string.Join(",", signature.ParameterTypes) + ")";
        }

        /// <summary>Short type names for signatures: int, long, double, bool, string, byte[], PropertyTable, …</summary>
        private sealed class ShortNames(MetadataReader md) : ISignatureTypeProvider<string, object>
        {
            public string GetPrimitiveType(PrimitiveTypeCode code) => code switch
            {
                PrimitiveTypeCode.Int32 => "int",
                PrimitiveTypeCode.Int64 => "long",
                PrimitiveTypeCode.UInt64 => "ulong",
                PrimitiveTypeCode.Double => "double",
                PrimitiveTypeCode.Single => "float",
                PrimitiveTypeCode.Boolean => "bool",
                PrimitiveTypeCode.String => "string",
                PrimitiveTypeCode.Byte => "byte",
                PrimitiveTypeCode.Char => "char",
                PrimitiveTypeCode.Object => "object",
                PrimitiveTypeCode.Void => "void",
                _ => code.ToString(),
            };
            public string GetSZArrayType(string element) => element + "[]";
            public string GetArrayType(string element, ArrayShape shape) => element + "[" + new string(',', shape.Rank - 1) + "]";
            public string GetByReferenceType(string element) => element + "&";
            public string GetPointerType(string element) => element + "*";
            public string GetPinnedType(string element) => element;
            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => md.GetString(md.GetTypeDefinition(handle).Name);
            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => md.GetString(md.GetTypeReference(handle).Name);
            public string GetTypeFromSpecification(MetadataReader reader, object context, TypeSpecificationHandle handle, byte rawTypeKind) => "spec";
            public string GetGenericInstantiation(string generic, ImmutableArray<string> args) => generic + "<" + string.Join(",", args) + ">";
            public string GetGenericMethodParameter(object context, int index) => "!!" + index;
            public string GetGenericTypeParameter(object context, int index) => "!" + index;
            public string GetModifiedType(string modifier, string unmodified, bool isRequired) => unmodified;
            public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        }
    }
}
