using System;

// The attributes of nanoFramework.TestFramework 3.0.x (docs/nanoframework.md#nanoframeworktestframework), same names, targets and AllowMultiple.
// This file is compiled both into the host test layer and, as the API stand-in, into the nanoFramework gate.
namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute)
        {
            return testMethodAttribute;
        }
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Runs once per class, before all of its tests (not before each test).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    /// <summary>Runs once per class, after all of its tests.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    /// <summary>One test case; a method with DataRows runs only its rows.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public object[] MethodParameters { get; }

        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null)
            {
                throw new ArgumentNullException("methodParameters can not be null");
            }
            if (methodParameters.Length == 0)
            {
                throw new ArgumentException("methodParameters can not be empty");
            }
            MethodParameters = methodParameters;
        }
    }

    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null) : base(message, innerException)
        {
        }
    }
}

namespace TestFrameworkShared
{
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string msg, Exception ex) : base(msg, ex)
        {
        }

        public AssertFailedException(string msg) : base(msg)
        {
        }

        public AssertFailedException()
        {
        }
    }
}
