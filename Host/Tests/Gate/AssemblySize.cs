using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>
    /// What MetadataProcessor will make of a Roslyn-compiled nanoFramework assembly, estimated from its metadata
    /// (docs/assemblies.md): byte code ≈ 0.81 × IL bytes of the method bodies (the unoptimised end of the calibration),
    /// string table ≈ #Strings heap + #US heap / 2 (user strings are UTF-16 there, UTF-8 in the .pe).
    /// </summary>
    public sealed class AssemblySize
    {
        /// <summary>Method offsets in a .pe are 16-bit.</summary>
        public const int ByteCodeLimit = 65535;
        /// <summary>String ids from 64,675 up are nanoCLR's built-in strings.</summary>
        public const int StringTableLimit = 64675;
        /// <summary>Share of each limit an assembly may use, so that every assembly keeps room to grow.</summary>
        public const int BudgetPercent = 75;

        public AssemblySize(string name, int ilBytes, int stringsHeap, int userStringsHeap)
        {
            Name = name;
            IlBytes = ilBytes;
            StringsHeap = stringsHeap;
            UserStringsHeap = userStringsHeap;
        }

        public string Name { get; }
        public int IlBytes { get; }
        public int StringsHeap { get; }
        public int UserStringsHeap { get; }

        /// <summary>0.81 × IL bytes, rounded up (integer arithmetic: 0.81 has no exact double).</summary>
        public int ByteCode => (IlBytes * 81 + 99) / 100;
        public int StringTable => StringsHeap + UserStringsHeap / 2;
        public double ByteCodePercent => 100.0 * ByteCode / ByteCodeLimit;
        public double StringTablePercent => 100.0 * StringTable / StringTableLimit;
        public bool WithinBudget => ByteCode * 100 <= ByteCodeLimit * BudgetPercent && StringTable * 100 <= StringTableLimit * BudgetPercent;

        public override string ToString() =>
            $"{Name}: byte code ~{ByteCode:N0} of {ByteCodeLimit:N0} ({ByteCodePercent:F1} %), string table ~{StringTable:N0} of {StringTableLimit:N0} ({StringTablePercent:F1} %)";

        public static AssemblySize Read(string name, Stream assembly)
        {
            using var pe = new PEReader(assembly);
            MetadataReader md = pe.GetMetadataReader();
            int il = 0;
            foreach (MethodDefinitionHandle handle in md.MethodDefinitions)
            {
                int rva = md.GetMethodDefinition(handle).RelativeVirtualAddress;
                if (rva != 0) il += pe.GetMethodBody(rva).GetILBytes().Length;
            }
            return new AssemblySize(name, il, md.GetHeapSize(HeapIndex.String), md.GetHeapSize(HeapIndex.UserString));
        }
    }
}
