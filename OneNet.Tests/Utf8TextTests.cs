using nanoFramework.TestFramework;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.OneNet;

namespace NFUnitTest.OneNet
{
    /// <summary>
    /// Text with a character outside the BMP (a surrogate pair), walked as the device walks it: on nanoCLR s[i] returns
    /// the high surrogate for both halves, so these pass there only because nothing indexes the string.
    /// </summary>
    [TestClass]
    public class Utf8TextTests
    {
        [TestMethod]
        public void EncodesSurrogatePairsAsFourBytesAndALoneHalfAsReplacement()
        {
            byte[] b = Utf8Text.Encode("a\u00e9\u4e2d\ud83d\ude00z\ud83d");
            byte[] expected = { 0x61, 0xC3, 0xA9, 0xE4, 0xB8, 0xAD, 0xF0, 0x9F, 0x98, 0x80, 0x7A, 0xEF, 0xBF, 0xBD };
            Assert.AreEqual(expected.Length, b.Length);
            for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], b[i]);
        }

        [TestMethod]
        public void TextAfterAPairIsSeenAsItIs()
        {
            // The characters after the pair: an identifier-looking tail must not make the whole text an identifier.
            Assert.IsFalse(TextRules.IsIdentifier("t\ud83d\ude00ab"));
            Assert.IsTrue(TextRules.IsIdentifier("t_ab"));
            Assert.AreEqual(-1, TextRules.ParseI2cAddress("0x\ud83d\ude00"));
            Assert.IsFalse(TextRules.IsBase64("QUJD\ud83d\ude00=="));
        }
    }
}
