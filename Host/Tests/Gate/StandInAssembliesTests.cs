using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>
    /// The compiled stand-ins (Host/Gate/StandIns) are as strict as the real API: the real assembly versions, references
    /// only to assemblies the real one was built against, and no constructor the real type lacks.
    /// </summary>
    public class StandInAssembliesTests
    {
        /// <summary>
        /// Public parameterless constructors the real API has, each read in the real source at the pinned tag
        /// (docs/packages.md). "implicit" means the real class declares no constructor, so C# gives it a public one.
        /// </summary>
        private static readonly Dictionary<string, string> RealParameterlessConstructors = new()
        {
            ["System.Device.Gpio.GpioController"] = "System.Device.Gpio v1.1.62 GpioController.cs: public GpioController()",
            ["System.Security.Cryptography.X509Certificates.X509Certificate"] = "System.Net v1.11.54 X509Certificates/X509Certificate.cs: public X509Certificate()",
            ["System.Threading.CancellationTokenSource"] = "System.Threading v1.1.52 Threading/CancellationTokenSource.cs: public CancellationTokenSource()",
            ["System.Security.Cryptography.HMACSHA256"] = "System.Security.Cryptography v1.0.43 HMACSHA256.cs: public HMACSHA256()",
            ["nanoFramework.Json.JsonSerializerOptions"] = "nanoFramework.Json v2.2.203 JsonSerializerOptions.cs: public JsonSerializerOptions()",
            ["nanoFramework.Hardware.Esp32.Configuration"] = "nanoFramework.Hardware.Esp32 v1.6.40 Configuration.cs: implicit",
            ["nanoFramework.Hardware.Esp32.Sleep"] = "nanoFramework.Hardware.Esp32 v1.6.40 Sleep.cs: implicit",
            ["nanoFramework.Hardware.Esp32.NativeMemory"] = "nanoFramework.Hardware.Esp32 v1.6.40 NativeMemory.cs: implicit",
            ["nanoFramework.Runtime.Native.Power"] = "nanoFramework.Runtime.Native v1.7.11 Power.cs: implicit",
            ["nanoFramework.Runtime.Events.BaseEvent"] = "nanoFramework.Runtime.Events v1.11.37 BaseEvent.cs: implicit",
            ["System.Device.Wifi.WifiAvailableNetwork"] = "System.Device.Wifi v1.5.147 WifiAvailableNetwork.cs: implicit",
            ["nanoFramework.TestFramework.Assert"] = "nanoFramework.TestFramework v3.0.77 source/TestFramework/Assert*.cs: implicit",
            ["nanoFramework.TestFramework.CollectionAssert"] = "nanoFramework.TestFramework v3.0.77 source/TestFramework/CollectionAssert.cs: implicit",
            ["nanoFramework.TestFramework.TestClassAttribute"] = "nanoFramework.TestFramework v3.0.77 source/TestFrameworkShared/TestClassAttribute.cs: implicit",
            ["nanoFramework.TestFramework.TestMethodAttribute"] = "nanoFramework.TestFramework v3.0.77 source/TestFrameworkShared/TestMethodAttribute.cs: implicit",
            ["nanoFramework.TestFramework.SetupAttribute"] = "nanoFramework.TestFramework v3.0.77 source/TestFrameworkShared/SetupAttribute.cs: implicit",
            ["nanoFramework.TestFramework.CleanupAttribute"] = "nanoFramework.TestFramework v3.0.77 source/TestFrameworkShared/CleanupAttribute.cs: implicit",
            ["TestFrameworkShared.AssertFailedException"] = "nanoFramework.TestFramework v3.0.77 source/TestFrameworkShared/AssertFailedException.cs: public AssertFailedException()",
        };

        public static TheoryData<string> StandIns()
        {
            var data = new TheoryData<string>();
            foreach (string dir in Directory.EnumerateDirectories(RepoPaths.Of("Host", "Gate", "StandIns")).OrderBy(d => d, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(dir));
            }
            return data;
        }

        private static string CompiledStandIn(string name)
        {
            string path = Path.Combine(AppContext.BaseDirectory, "standins", name + ".dll");
            Assert.True(File.Exists(path), path + " was not copied next to the tests (OneNetFirmware.Host.Tests.csproj, CopyStandInAssemblies)");
            return path;
        }

        [Theory]
        [MemberData(nameof(StandIns))]
        public void StandInCarriesTheRealVersionAndReferencesWhatTheRealOneWasBuiltAgainst(string name)
        {
            using var pe = new PEReader(File.OpenRead(CompiledStandIn(name)));
            MetadataReader md = pe.GetMetadataReader();
            AssemblyDefinition def = md.GetAssemblyDefinition();
            var references = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h))
                .Select(r => new AssemblyRef(md.GetString(r.Name), r.Version))
                .ToList();

            var problems = PinnedPackages.CheckStandIn(PinnedPackages.Load(), new AssemblyRef(md.GetString(def.Name), def.Version), references);

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(StandIns))]
        public void StandInHasNoParameterlessConstructorTheRealTypeLacks(string name)
        {
            using var pe = new PEReader(File.OpenRead(CompiledStandIn(name)));

            var extra = ParameterlessConstructors(pe.GetMetadataReader()).Where(t => !RealParameterlessConstructors.ContainsKey(t)).ToList();

            Assert.True(extra.Count == 0, name + ": the real types have no public parameterless constructor, declare a private one:\n" + string.Join("\n", extra));
        }

        [Fact]
        public void TheConstructorCheckSeesTheImplicitConstructorButNotAPrivateOne()
        {
            const string source = @"
                public class Implicit { }
                public abstract class AbstractImplicit { }
                public class Private { private Private() { } }
                public class WithArgs { public WithArgs(int pin) { } }
                public static class Static { }
                public struct Value { }
                internal class Hidden { }";
            var compilation = CSharpCompilation.Create("Probe", new[] { CSharpSyntaxTree.ParseText(source) },
                new[] { MetadataReference.CreateFromFile(RepoPaths.NanoMscorlib) }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            Assert.True(compilation.Emit(image).Success);
            image.Position = 0;
            using var pe = new PEReader(image);

            Assert.Equal(new[] { "AbstractImplicit", "Implicit" }, ParameterlessConstructors(pe.GetMetadataReader()).OrderBy(t => t, StringComparer.Ordinal));
        }

        /// <summary>Full names of the visible classes a caller can construct (or derive from) without arguments.</summary>
        private static IEnumerable<string> ParameterlessConstructors(MetadataReader md)
        {
            foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(handle);
                if (!IsVisible(md, type) || (type.Attributes & TypeAttributes.Interface) != 0 || IsValueType(md, type))
                {
                    continue;
                }
                bool hasOne = type.GetMethods().Select(md.GetMethodDefinition).Any(m =>
                    md.GetString(m.Name) == ".ctor" && m.GetParameters().Count == 0 &&
                    ((m.Attributes & MethodAttributes.MemberAccessMask) is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem));
                if (hasOne)
                {
                    yield return FullName(md, type);
                }
            }
        }

        private static bool IsVisible(MetadataReader md, TypeDefinition type)
        {
            TypeAttributes visibility = type.Attributes & TypeAttributes.VisibilityMask;
            if (visibility == TypeAttributes.Public)
            {
                return true;
            }
            return visibility is TypeAttributes.NestedPublic or TypeAttributes.NestedFamily && IsVisible(md, md.GetTypeDefinition(type.GetDeclaringType()));
        }

        private static bool IsValueType(MetadataReader md, TypeDefinition type)
        {
            if (type.BaseType.IsNil || type.BaseType.Kind != HandleKind.TypeReference)
            {
                return false;
            }
            TypeReference baseType = md.GetTypeReference((TypeReferenceHandle)type.BaseType);
            string name = md.GetString(baseType.Namespace) + "." + md.GetString(baseType.Name);
            return name is "System.ValueType" or "System.Enum";
        }

        private static string FullName(MetadataReader md, TypeDefinition type)
        {
            string name = md.GetString(type.Name);
            if (!type.GetDeclaringType().IsNil)
            {
                return FullName(md, md.GetTypeDefinition(type.GetDeclaringType())) + "+" + name;
            }
            string ns = md.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }
    }
}
