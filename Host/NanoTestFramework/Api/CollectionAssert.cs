using System.Collections;

// nanoFramework.TestFramework's CollectionAssert (docs/nanoframework.md#nanoframeworktestframework). Arrays are ICollection.
namespace nanoFramework.TestFramework
{
    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "")
        {
            if (collection == null) Assert.Fail("CollectionAssert.Empty", "The parameter 'collection' is invalid. The value cannot be null.");
            if (collection.Count != 0) Assert.Fail("CollectionAssert.Empty", "The collection has " + collection.Count + " elements. " + message);
        }

        public static void NotEmpty(ICollection collection, string message = "")
        {
            if (collection == null) Assert.Fail("CollectionAssert.NotEmpty", "The parameter 'collection' is invalid. The value cannot be null.");
            if (collection.Count == 0) Assert.Fail("CollectionAssert.NotEmpty", "The collection is empty. " + message);
        }

        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            string reason = Difference(expected, actual);
            if (reason != null) Assert.Fail("CollectionAssert.AreEqual", reason + " " + message);
        }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            if (Difference(notExpected, actual) == null) Assert.Fail("CollectionAssert.AreNotEqual", "The collections are equal. " + message);
        }

        /// <summary>Null when both hold equal elements in the same order, else why not.</summary>
        private static string Difference(ICollection expected, ICollection actual)
        {
            if (ReferenceEquals(expected, actual)) return null;
            if (expected == null || actual == null) return "One collection is null.";
            if (expected.Count != actual.Count) return "Different number of elements: expected " + expected.Count + ", actual " + actual.Count + ".";
            IEnumerator e = expected.GetEnumerator();
            IEnumerator a = actual.GetEnumerator();
            int index = 0;
            while (e.MoveNext() && a.MoveNext())
            {
                if (!Equals(e.Current, a.Current))
                {
                    return "Element at index " + index + " differs: expected <" + e.Current + ">, actual <" + a.Current + ">.";
                }
                index++;
            }
            return null;
        }
    }
}
