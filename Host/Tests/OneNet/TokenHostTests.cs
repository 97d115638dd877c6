using System;
using System.Security.Cryptography;
using System.Text;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.OneNet;
using Xunit;

namespace OneNetFirmware.Host.Tests.OneNet
{
    public class TokenHostTests
    {
        private static readonly HmacSigner Signer = new();

        [Fact]
        public void VectorV1IsReproducedByteForByte()
        {
            Assert.Equal(
                "version=2018-10-31&res=products%2F238322%2Fdevices%2Fmqtts-test-device&et=7557387130&method=sha1&sign=Rs0u%2FKnyoK5%2FMuKo5xKa0tW%2BWqY%3D",
                OneNetToken.Build("238322", "mqtts-test-device", "EnW4T71eIE55xOIQMN6pFMKuqel5T5HTzsGJRPiDhlM=", "sha1", 7557387130, Signer));
        }

        [Fact]
        public void VectorV6ProductLevelIsReproducedByteForByte()
        {
            Assert.Equal(
                "version=2018-10-31&res=products%2F123123&et=1537255523&method=sha1&sign=lsaPSiiGvEFFjXu5WU7a6IkScqE%3D",
                OneNetToken.Build("123123", null, "KuF3NT/jUBJ62LNBB/A8XZA9CqS3Cu79B/ABmfA1UCw=", "sha1", 1537255523, Signer));
        }

        [Fact]
        public void TheKeyIsDecodedNotUsedAsText()
        {
            string token = OneNetToken.Build("238322", "mqtts-test-device", "EnW4T71eIE55xOIQMN6pFMKuqel5T5HTzsGJRPiDhlM=", "sha1", 7557387130, Signer);
            // The negative vector of docs/onenet-protocol.md#the-token: HMAC keyed with the Base64 text.
            Assert.DoesNotContain(Uri.EscapeDataString("h3/OxN+TVCLNUzYhiGqPYd5Lh7k="), token);
        }

        [Theory]
        [InlineData("md5")]
        [InlineData("sha1")]
        [InlineData("sha256")]
        public void MatchesAnIndependentHmacForRandomInputs(string method)
        {
            var random = new Random(1234);
            const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
            for (int run = 0; run < 300; run++)
            {
                string pid = RandomText(random, chars.Substring(0, 62), 1 + random.Next(32));
                string dev = RandomText(random, chars, run % 10 == 0 ? 64 : 1 + random.Next(64));
                byte[] key = new byte[random.Next(1, 65)];
                random.NextBytes(key);
                if (run % 3 == 0) key[random.Next(key.Length)] = 0; // binary keys with 0x00
                long et = random.NextInt64(1, 99_999_999_999);
                bool productLevel = run % 7 == 0;

                string token = OneNetToken.Build(pid, productLevel ? null : dev, Convert.ToBase64String(key), method, et, Signer);

                string res = productLevel ? "products/" + pid : "products/" + pid + "/devices/" + dev;
                byte[] message = Encoding.UTF8.GetBytes(et + "\n" + method + "\n" + res + "\n2018-10-31");
                byte[] mac = method switch
                {
                    "md5" => new HMACMD5(key).ComputeHash(message),
                    "sha1" => new HMACSHA1(key).ComputeHash(message),
                    _ => new HMACSHA256(key).ComputeHash(message),
                };
                string expected = "version=2018-10-31&res=" + Uri.EscapeDataString(res) + "&et=" + et + "&method=" + method
                    + "&sign=" + Uri.EscapeDataString(Convert.ToBase64String(mac));
                Assert.Equal(expected, token);
            }
        }

        [Fact]
        public void SignerComputesOnlyTheGivenLength()
        {
            byte[] key = { 0, 1, 0, 2 };
            byte[] message = Encoding.ASCII.GetBytes("abcdef");
            Assert.Equal(HMACSHA256.HashData(key, message.AsSpan(0, 3)), Signer.Hmac("sha256", key, message, 3));
            Assert.False(Signer.Supports("sha512"));
        }

        private static string RandomText(Random random, string alphabet, int length)
        {
            var chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            return new string(chars);
        }
    }
}
