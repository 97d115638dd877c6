using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using nanoFramework.TestFramework;

namespace NanoTestFramework.Hosting
{
    /// <summary>
    /// One per nanoFramework test class on the host (an xunit class fixture): runs [Setup] once before the class's
    /// tests and [Cleanup] once after them, as the device's UnitTestLauncher does, and invokes test methods the way the
    /// device does — without constructing the class.
    /// </summary>
    public abstract class NanoClassFixture : IDisposable
    {
        private readonly Type _type;
        private readonly object _target;
        private readonly string _setupSkipped;
        private readonly Exception _setupFailed;

        protected NanoClassFixture(Type type)
        {
            _type = type;
            // The device invokes test methods with a null target; the host needs some target for instance methods, so it
            // uses an object whose constructor never ran. The generator rejects instance state, so nothing can tell.
            _target = type.IsAbstract ? null : RuntimeHelpers.GetUninitializedObject(type);
            foreach (MethodInfo setup in Marked(typeof(SetupAttribute)))
            {
                try
                {
                    Invoke(setup, null);
                }
                catch (SkipTestException skip)
                {
                    _setupSkipped = Reason(skip);
                    break;
                }
                catch (Exception ex)
                {
                    _setupFailed = ex;
                    break;
                }
            }
        }

        /// <summary>Runs one test; returns the skip reason when it was skipped, throws when it failed.</summary>
        public string Run(string methodName, object[] arguments)
        {
            if (_setupSkipped != null)
            {
                return _setupSkipped;
            }
            if (_setupFailed != null)
            {
                throw new InvalidOperationException("[Setup] of " + _type.FullName + " failed: " + _setupFailed.Message, _setupFailed);
            }
            MethodInfo method = _type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Single(m => m.Name == methodName && m.GetParameters().Length == arguments.Length);
            try
            {
                Invoke(method, arguments);
                return null;
            }
            catch (SkipTestException skip)
            {
                return Reason(skip);
            }
        }

        public void Dispose()
        {
            foreach (MethodInfo cleanup in Marked(typeof(CleanupAttribute)))
            {
                Invoke(cleanup, null);
            }
        }

        private MethodInfo[] Marked(Type attribute)
        {
            return _type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(m => m.IsDefined(attribute, inherit: false))
                .ToArray();
        }

        private void Invoke(MethodInfo method, object[] arguments)
        {
            try
            {
                method.Invoke(method.IsStatic ? null : _target, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            }
        }

        private static string Reason(SkipTestException skip)
        {
            return string.IsNullOrEmpty(skip.Message) ? "skipped" : skip.Message;
        }
    }
}
