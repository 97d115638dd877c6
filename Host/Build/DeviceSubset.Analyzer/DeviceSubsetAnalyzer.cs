using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace OneNetFirmware.Build
{
    /// <summary>
    /// Reports, as build errors with file and line, the C# constructs that compile against mscorlib 1.17.11 but that
    /// the nanoFramework 1.x runtime or MetadataProcessor rejects (docs/nanoframework.md, last section), plus those that only fail
    /// later with a confusing message. Runs on every device-bound source in the gate projects.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeviceSubsetAnalyzer : DiagnosticAnalyzer
    {
        private const string Category = "nanoFramework";

        public static readonly DiagnosticDescriptor GenericDeclaration = Rule("NF0001", "Generic declaration",
            "'{0}' declares type parameters: the nanoFramework 1.x runtime does not run generics");
        public static readonly DiagnosticDescriptor GenericUse = Rule("NF0002", "Generic type or method use",
            "'{0}' uses a generic type or method: the nanoFramework 1.x runtime does not run generics");
        public static readonly DiagnosticDescriptor MultiDimensionalArray = Rule("NF0003", "Multidimensional array",
            "'{0}' is a multidimensional array: MetadataProcessor rejects them, use a jagged array");
        public static readonly DiagnosticDescriptor Iterator = Rule("NF0004", "Iterator",
            "'yield' is not supported on nanoFramework (iterators need IEnumerable<T>)");
        public static readonly DiagnosticDescriptor Async = Rule("NF0005", "async/await",
            "'{0}' is not supported on nanoFramework (there is no Task)");
        public static readonly DiagnosticDescriptor Tuple = Rule("NF0006", "Tuple",
            "'{0}' is a tuple: nanoFramework has no ValueTuple");
        public static readonly DiagnosticDescriptor Record = Rule("NF0007", "Record",
            "'{0}' is a record: nanoFramework has no IEquatable<T>; write a class");
        public static readonly DiagnosticDescriptor Decimal = Rule("NF0008", "decimal",
            "'{0}' uses decimal, which nanoFramework does not have");
        public static readonly DiagnosticDescriptor NullableType = Rule("NF0009", "Nullable type",
            "'{0}' is a nullable type: nanoFramework has no Nullable<T>, and device code does not use nullable annotations");
        public static readonly DiagnosticDescriptor StringIndexer = Rule("NF0010", "String indexer in device code",
            "'{0}' indexes a string: on nanoCLR s[i] returns the high surrogate for both halves of a pair (docs/device-runtime.md); walk s.ToCharArray() or UTF-8 bytes");
        public static readonly DiagnosticDescriptor Struct = Rule("NF0011", "Struct in device code",
            "'{0}' is a struct: on nanoCLR a value type is a heap object, made anew by every new and cloned by every load of a local, argument or field (docs/performance.md); write a class");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(
            GenericDeclaration, GenericUse, MultiDimensionalArray, Iterator, Async, Tuple, Record, Decimal, NullableType,
            StringIndexer, Struct);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(AnalyzeTypeParameters, SyntaxKind.TypeParameterList);
            context.RegisterSyntaxNodeAction(c => Report(c, GenericUse, c.Node), SyntaxKind.GenericName);
            context.RegisterSyntaxNodeAction(AnalyzeArrayRank, SyntaxKind.ArrayRankSpecifier);
            context.RegisterSyntaxNodeAction(c => Report(c, Iterator, c.Node), SyntaxKind.YieldReturnStatement, SyntaxKind.YieldBreakStatement);
            context.RegisterSyntaxNodeAction(c => Report(c, Async, c.Node), SyntaxKind.AwaitExpression);
            context.RegisterSyntaxNodeAction(AnalyzeModifiers, SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement,
                SyntaxKind.ParenthesizedLambdaExpression, SyntaxKind.SimpleLambdaExpression, SyntaxKind.AnonymousMethodExpression);
            context.RegisterSyntaxNodeAction(c => Report(c, Tuple, c.Node), SyntaxKind.TupleType, SyntaxKind.TupleExpression);
            context.RegisterSyntaxNodeAction(c => Report(c, Record, ((TypeDeclarationSyntax)c.Node).Identifier),
                SyntaxKind.RecordDeclaration, SyntaxKind.RecordStructDeclaration);
            context.RegisterSyntaxNodeAction(c => Report(c, Struct, ((TypeDeclarationSyntax)c.Node).Identifier), SyntaxKind.StructDeclaration);
            context.RegisterSyntaxNodeAction(AnalyzePredefinedType, SyntaxKind.PredefinedType);
            context.RegisterSyntaxNodeAction(AnalyzeNumericLiteral, SyntaxKind.NumericLiteralExpression);
            context.RegisterSyntaxNodeAction(c => Report(c, NullableType, c.Node), SyntaxKind.NullableType);
            context.RegisterOperationAction(AnalyzePropertyReference, OperationKind.PropertyReference);
        }

        private static void AnalyzePropertyReference(OperationAnalysisContext context)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            // Every source the gate compiles runs on nanoCLR (the libraries, their tests and the app alike).
            if (reference.Property.IsIndexer && reference.Property.ContainingType.SpecialType == SpecialType.System_String)
            {
                context.ReportDiagnostic(Diagnostic.Create(StringIndexer, reference.Syntax.GetLocation(), Shorten(reference.Syntax.ToString())));
            }
        }

        private static DiagnosticDescriptor Rule(string id, string title, string message)
        {
            return new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
        }

        private static void Report(SyntaxNodeAnalysisContext context, DiagnosticDescriptor rule, SyntaxNode node)
        {
            context.ReportDiagnostic(Diagnostic.Create(rule, node.GetLocation(), Shorten(node.ToString())));
        }

        private static void Report(SyntaxNodeAnalysisContext context, DiagnosticDescriptor rule, SyntaxToken token)
        {
            context.ReportDiagnostic(Diagnostic.Create(rule, token.GetLocation(), token.ValueText));
        }

        private static string Shorten(string text)
        {
            text = text.Replace("\r", " ").Replace("\n", " ");
            return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        }

        private static void AnalyzeTypeParameters(SyntaxNodeAnalysisContext context)
        {
            SyntaxNode owner = context.Node.Parent;
            string name = owner switch
            {
                BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
                MethodDeclarationSyntax m => m.Identifier.ValueText,
                DelegateDeclarationSyntax d => d.Identifier.ValueText,
                LocalFunctionStatementSyntax l => l.Identifier.ValueText,
                _ => owner?.ToString() ?? "?",
            };
            context.ReportDiagnostic(Diagnostic.Create(GenericDeclaration, context.Node.GetLocation(), name));
        }

        private static void AnalyzeArrayRank(SyntaxNodeAnalysisContext context)
        {
            var rank = (ArrayRankSpecifierSyntax)context.Node;
            if (rank.Rank > 1)
            {
                Report(context, MultiDimensionalArray, rank.Parent ?? rank);
            }
        }

        private static void AnalyzeModifiers(SyntaxNodeAnalysisContext context)
        {
            SyntaxTokenList modifiers = context.Node switch
            {
                MethodDeclarationSyntax m => m.Modifiers,
                LocalFunctionStatementSyntax l => l.Modifiers,
                AnonymousFunctionExpressionSyntax a => a.Modifiers,
                _ => default,
            };
            foreach (SyntaxToken modifier in modifiers)
            {
                if (modifier.IsKind(SyntaxKind.AsyncKeyword))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Async, modifier.GetLocation(), "async"));
                }
            }
        }

        private static void AnalyzePredefinedType(SyntaxNodeAnalysisContext context)
        {
            var type = (PredefinedTypeSyntax)context.Node;
            if (type.Keyword.IsKind(SyntaxKind.DecimalKeyword))
            {
                Report(context, Decimal, type);
            }
        }

        private static void AnalyzeNumericLiteral(SyntaxNodeAnalysisContext context)
        {
            var literal = (LiteralExpressionSyntax)context.Node;
            string text = literal.Token.Text;
            if (text.EndsWith("m") || text.EndsWith("M"))
            {
                Report(context, Decimal, literal);
            }
        }
    }
}
