using System;
using System.Collections.Generic;
using OneNetFirmware.Host.Emulator;
using Xunit;

namespace OneNetFirmware.Host.Tests.Emulator
{
    public class TokenVerifierTests
    {
        private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_500_000_000);

        [Theory]
        // docs/onenet-protocol.md#the-token: V1 (device level) and V6 (product level), from the official doc and an independent test.
        [InlineData("products/238322/devices/mqtts-test-device", "7557387130", "sha1", "EnW4T71eIE55xOIQMN6pFMKuqel5T5HTzsGJRPiDhlM=", "Rs0u/KnyoK5/MuKo5xKa0tW+WqY=")]
        [InlineData("products/123123", "1537255523", "sha1", "KuF3NT/jUBJ62LNBB/A8XZA9CqS3Cu79B/ABmfA1UCw=", "lsaPSiiGvEFFjXu5WU7a6IkScqE=")]
        public void SignMatchesThePublishedVectors(string res, string et, string method, string key, string expected)
        {
            Assert.Equal(expected, TokenVerifier.Sign(method, Convert.FromBase64String(key), et + "\n" + method + "\n" + res + "\n2018-10-31"));
        }

        [Fact]
        public void AcceptsTheOfficialV1PasswordByteForByte()
        {
            var devices = new List<RegisteredDevice> { new("238322", "mqtts-test-device", "EnW4T71eIE55xOIQMN6pFMKuqel5T5HTzsGJRPiDhlM=") };
            const string password = "version=2018-10-31&res=products%2F238322%2Fdevices%2Fmqtts-test-device&et=7557387130&method=sha1&sign=Rs0u%2FKnyoK5%2FMuKo5xKa0tW%2BWqY%3D";

            Assert.True(TokenVerifier.Verify(password, "238322", "mqtts-test-device", devices, Now).Accepted);
            Assert.True(TokenVerifier.Verify(password.Replace("%2F", "%2f"), "238322", "mqtts-test-device", devices, Now).Accepted);
        }

        [Fact]
        public void ProductKeyTokensLetAnyValidDeviceNameIn()
        {
            var devices = new List<RegisteredDevice> { new("123123", null, "KuF3NT/jUBJ62LNBB/A8XZA9CqS3Cu79B/ABmfA1UCw=") };
            string productLevel = Tokens.Make("products/123123", 1_600_000_000, "md5", devices[0].Key);
            string deviceLevel = Tokens.Make("products/123123/devices/new-dev", 1_600_000_000, "sha256", devices[0].Key);

            Assert.True(TokenVerifier.Verify(productLevel, "123123", "new-dev", devices, Now).Accepted);
            Assert.True(TokenVerifier.Verify(deviceLevel, "123123", "new-dev", devices, Now).Accepted);
        }

        [Theory]
        [InlineData("")]
        [InlineData("version=2018-10-31&res=x")]
        [InlineData("version=2018-10-31&res=products%2FP&et=1&method=sha1&sign=a&extra=1")]
        [InlineData("version=2018-10-31&version=2018-10-31&res=products%2FP&et=1&method=sha1")]
        [InlineData("version=2018-10-31&res=%zz&et=1&method=sha1&sign=a")]
        public void RejectsMalformedTokensWithFive(string password)
        {
            var devices = new List<RegisteredDevice> { new("P", "d", "AAAA") };

            Assert.Equal(5, TokenVerifier.Verify(password, "P", "d", devices, Now).ConnackCode);
        }
    }
}
