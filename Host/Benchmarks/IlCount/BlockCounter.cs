using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace OneNetFirmware.Benchmarks.IlCount
{
    /// <summary>
    /// Rewrites a copy of an assembly so that it counts the IL instructions it executes: at the start of every basic
    /// block it adds the block's instruction count to a per-method slot of a static long[] (type &lt;IlCount&gt;, field
    /// Counts, one slot per method; Names holds "Type.Method" per slot). A block runs whole once entered (calls do not
    /// end it; an exception thrown inside it would, which the measured paths do not do), so the sum of the slots is the
    /// number of the original instructions executed. docs/performance.md says how to read the counts.
    /// </summary>
    public static class BlockCounter
    {
        public const string CounterType = "<IlCount>";

        public static void Instrument(string input, string output)
        {
            using var module = ModuleDefinition.ReadModule(input);
            var counter = new TypeDefinition("", CounterType,
                TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class, module.TypeSystem.Object);
            var counts = new FieldDefinition("Counts", FieldAttributes.Public | FieldAttributes.Static, new ArrayType(module.TypeSystem.Int64));
            var names = new FieldDefinition("Names", FieldAttributes.Public | FieldAttributes.Static, new ArrayType(module.TypeSystem.String));
            counter.Fields.Add(counts);
            counter.Fields.Add(names);

            var methodNames = new List<string>();
            foreach (TypeDefinition type in module.GetTypes().ToList())
            {
                foreach (MethodDefinition method in type.Methods.Where(m => m.HasBody && m.Body.Instructions.Count > 0))
                {
                    InstrumentMethod(method, counts, methodNames.Count);
                    methodNames.Add(type.Name + "." + method.Name);
                }
            }
            counter.Methods.Add(StaticConstructor(module, counts, names, methodNames));
            module.Types.Add(counter);
            module.Write(output);
        }

        private static void InstrumentMethod(MethodDefinition method, FieldReference counts, int slot)
        {
            MethodBody body = method.Body;
            body.SimplifyMacros();
            List<Instruction> original = body.Instructions.ToList();
            var leaders = new HashSet<Instruction> { original[0] };
            foreach (Instruction i in original)
            {
                if (i.Operand is Instruction target) leaders.Add(target);
                if (i.Operand is Instruction[] targets) leaders.UnionWith(targets);
                if (EndsBlock(i) && i.Next != null) leaders.Add(i.Next);
            }
            foreach (ExceptionHandler h in body.ExceptionHandlers)
            {
                foreach (Instruction edge in new[] { h.TryStart, h.TryEnd, h.HandlerStart, h.HandlerEnd, h.FilterStart })
                {
                    if (edge != null) leaders.Add(edge);
                }
            }

            ILProcessor il = body.GetILProcessor();
            var moved = new Dictionary<Instruction, Instruction>();
            for (int start = 0; start < original.Count;)
            {
                int end = start + 1;
                while (end < original.Count && !leaders.Contains(original[end])) end++;
                Instruction leader = original[start];
                // Counts[slot] += size, stack-neutral: ldsfld ldc.i4 ldelema dup ldind.i8 ldc.i8 add stind.i8
                Instruction first = il.Create(OpCodes.Ldsfld, counts);
                il.InsertBefore(leader, first);
                il.InsertBefore(leader, il.Create(OpCodes.Ldc_I4, slot));
                il.InsertBefore(leader, il.Create(OpCodes.Ldelema, method.Module.TypeSystem.Int64));
                il.InsertBefore(leader, il.Create(OpCodes.Dup));
                il.InsertBefore(leader, il.Create(OpCodes.Ldind_I8));
                il.InsertBefore(leader, il.Create(OpCodes.Ldc_I8, (long)(end - start)));
                il.InsertBefore(leader, il.Create(OpCodes.Add));
                il.InsertBefore(leader, il.Create(OpCodes.Stind_I8));
                moved[leader] = first;
                start = end;
            }
            // Whatever jumped to (or a handler that began at) a block's first instruction now starts at its counter.
            foreach (Instruction i in original)
            {
                if (i.Operand is Instruction target && moved.TryGetValue(target, out Instruction t)) i.Operand = t;
                if (i.Operand is Instruction[] targets) i.Operand = targets.Select(x => moved.GetValueOrDefault(x, x)).ToArray();
            }
            foreach (ExceptionHandler h in body.ExceptionHandlers)
            {
                h.TryStart = Moved(moved, h.TryStart);
                h.TryEnd = Moved(moved, h.TryEnd);
                h.HandlerStart = Moved(moved, h.HandlerStart);
                h.HandlerEnd = Moved(moved, h.HandlerEnd);
                h.FilterStart = Moved(moved, h.FilterStart);
            }
            body.OptimizeMacros();
        }

        private static Instruction Moved(Dictionary<Instruction, Instruction> moved, Instruction i) =>
            i != null && moved.TryGetValue(i, out Instruction m) ? m : i;

        private static bool EndsBlock(Instruction i) => i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch
            or FlowControl.Return or FlowControl.Throw;

        private static MethodDefinition StaticConstructor(ModuleDefinition module, FieldReference counts, FieldReference names, List<string> methodNames)
        {
            var cctor = new MethodDefinition(".cctor",
                MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName,
                module.TypeSystem.Void);
            ILProcessor il = cctor.Body.GetILProcessor();
            il.Emit(OpCodes.Ldc_I4, methodNames.Count);
            il.Emit(OpCodes.Newarr, module.TypeSystem.Int64);
            il.Emit(OpCodes.Stsfld, counts);
            il.Emit(OpCodes.Ldc_I4, methodNames.Count);
            il.Emit(OpCodes.Newarr, module.TypeSystem.String);
            for (int i = 0; i < methodNames.Count; i++)
            {
                il.Emit(OpCodes.Dup);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldstr, methodNames[i]);
                il.Emit(OpCodes.Stelem_Ref);
            }
            il.Emit(OpCodes.Stsfld, names);
            il.Emit(OpCodes.Ret);
            return cctor;
        }
    }
}
