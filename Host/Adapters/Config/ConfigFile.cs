using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using OneNetFirmware.OneNet.Config;

namespace OneNetFirmware.Host.Config
{
    /// <summary>
    /// Reads nf-config.json into the portable configuration classes with System.Text.Json — the host's counterpart of
    /// the device's nanoFramework.Json loader — and validates it with the portable ConfigValidator.
    /// Stricter than the device on purpose: unknown keys are errors here, so a typo is caught before flashing.
    /// </summary>
    public static class ConfigFile
    {
        private static readonly JsonSerializerOptions Options = new()
        {
            PropertyNameCaseInsensitive = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = true,
        };

        /// <summary>The loaded configuration (null when it could not be read) and every problem found, with its path.</summary>
        public sealed class Result
        {
            public NodeConfig Config { get; init; }
            public ConfigErrors Errors { get; init; }
            public bool IsValid => Config != null && Errors.IsEmpty;

            /// <summary>Writes "PATH: N problems" and one indented line per problem (never a field's value).</summary>
            public void WriteErrors(string path, TextWriter output)
            {
                output.WriteLine(path + ": " + Errors.Count + (Errors.Count == 1 ? " problem" : " problems"));
                for (int i = 0; i < Errors.Count; i++)
                {
                    output.WriteLine("  " + Errors[i]);
                }
            }
        }

        public static Result Load(string path)
        {
            string json;
            try
            {
                json = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var errors = new ConfigErrors();
                errors.Add("$", "cannot read " + path + ": " + ex.Message);
                return new Result { Errors = errors };
            }
            return Parse(json);
        }

        public static Result Parse(string json)
        {
            NodeConfig config;
            try
            {
                config = JsonSerializer.Deserialize<NodeConfig>(json, Options);
            }
            catch (JsonException ex)
            {
                var errors = new ConfigErrors();
                errors.Add(PathOf(ex.Path), Describe(ex));
                return new Result { Errors = errors };
            }
            return new Result { Config = config, Errors = ConfigValidator.Validate(config) };
        }

        public static string Serialize(NodeConfig config)
        {
            return JsonSerializer.Serialize(config, Options);
        }

        /// <summary>"$.sensors[0].intervalSeconds" → "sensors[0].intervalSeconds", the same shape the validator uses.</summary>
        private static string PathOf(string jsonPath)
        {
            if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return "$";
            return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath.Substring(2) : jsonPath;
        }

        private static string Describe(JsonException ex)
        {
            string message = ex.Message;
            // System.Text.Json appends its own "Path: … | LineNumber: … | BytePositionInLine: …" — keep the line, drop the rest.
            int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            string reason = cut > 0 ? message.Substring(0, cut) : message;
            return ex.LineNumber.HasValue ? reason + " (line " + (ex.LineNumber + 1) + ")" : reason;
        }
    }
}
