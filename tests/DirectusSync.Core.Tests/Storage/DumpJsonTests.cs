using System.Text;
using DirectusSync.Core.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Storage;

// Every expected text in this file was produced by Node 20.20.2 with
//   JSON.stringify(JSON.parse(input), null, 2) + "\n"           (what fs-extra's writeJsonSync writes)
// and, for sorted cases, with directus-sync's sortObjectDeep (keys sorted by localeCompare) applied first.
public sealed class DumpJsonTests
{
    public sealed class TheSerialize
    {
        [Fact]
        public void Should_match_node_When_objects_and_arrays_are_nested_or_empty()
        {
            // Given
            var value = DumpJson.Parse("""{"name":"Editor","icon":"edit","options":{"type":"action","scope":["items.create"],"nested":{"deep":[1,[2,[]],{}]}},"empty_obj":{},"empty_arr":[],"nul":null,"t":true,"f":false}""", "test");

            // When
            var json = DumpJson.Serialize(value, sortKeys: false);

            // Then
            json.Should().Be(
                "{\n" +
                "  \"name\": \"Editor\",\n" +
                "  \"icon\": \"edit\",\n" +
                "  \"options\": {\n" +
                "    \"type\": \"action\",\n" +
                "    \"scope\": [\n" +
                "      \"items.create\"\n" +
                "    ],\n" +
                "    \"nested\": {\n" +
                "      \"deep\": [\n" +
                "        1,\n" +
                "        [\n" +
                "          2,\n" +
                "          []\n" +
                "        ],\n" +
                "        {}\n" +
                "      ]\n" +
                "    }\n" +
                "  },\n" +
                "  \"empty_obj\": {},\n" +
                "  \"empty_arr\": [],\n" +
                "  \"nul\": null,\n" +
                "  \"t\": true,\n" +
                "  \"f\": false\n" +
                "}\n");
        }

        [Theory]
        [InlineData("[]", "[]\n")]
        [InlineData("{}", "{}\n")]
        [InlineData("\"text\"", "\"text\"\n")]
        [InlineData("null", "null\n")]
        public void Should_write_one_line_When_the_value_is_empty_or_scalar(string input, string expected)
        {
            // Given
            var value = DumpJson.Parse(input, "test");

            // When
            var json = DumpJson.Serialize(value, sortKeys: true);

            // Then
            json.Should().Be(expected);
        }

        [Fact]
        public void Should_write_non_ascii_as_is_and_escape_only_lone_surrogates_When_text_is_unicode()
        {
            // Given
            var value = DumpJson.Parse("""{"de":"Artikeltitel äöü ß","zh":"中文","emoji":"😀","nbsp":"a\u00a0b","separators":"\u2028\u2029","bom":"\ufeff","lone":"\ud800x\udc00"}""", "test");

            // When
            var json = DumpJson.Serialize(value, sortKeys: false);

            // Then
            json.Should().Be(
                "{\n" +
                "  \"de\": \"Artikeltitel äöü ß\",\n" +
                "  \"zh\": \"中文\",\n" +
                "  \"emoji\": \"\ud83d\ude00\",\n" +
                "  \"nbsp\": \"a\u00a0b\",\n" +
                "  \"separators\": \"\u2028\u2029\",\n" +
                "  \"bom\": \"\ufeff\",\n" +
                "  \"lone\": \"\\ud800x\\udc00\"\n" +
                "}\n");
        }

        [Fact]
        public void Should_escape_as_node_does_When_strings_hold_quotes_newlines_and_control_characters()
        {
            // Given
            var value = DumpJson.Parse("""{"quote":"say \"hi\"","backslash":"C:\\path","newlines":"line1\nline2\r\n","tab":"\t","control":"\u0000\u0001\u001f\u007f","bf":"\b\f","html":"<script>&amp;</script>","slash":"a\/b"}""", "test");

            // When
            var json = DumpJson.Serialize(value, sortKeys: false);

            // Then
            json.Should().Be(
                "{\n" +
                "  \"quote\": \"say \\\"hi\\\"\",\n" +
                "  \"backslash\": \"C:\\\\path\",\n" +
                "  \"newlines\": \"line1\\nline2\\r\\n\",\n" +
                "  \"tab\": \"\\t\",\n" +
                "  \"control\": \"\\u0000\\u0001\\u001f\u007f\",\n" +
                "  \"bf\": \"\\b\\f\",\n" +
                "  \"html\": \"<script>&amp;</script>\",\n" +
                "  \"slash\": \"a/b\"\n" +
                "}\n");
        }

        [Fact]
        public void Should_print_numbers_as_javascript_does_When_doubles_are_integral_tiny_or_huge()
        {
            // Given
            var value = new JArray(
                1.0, 0.5, 1e21, 1e20, -0.0, 1e-7, 1e-6, 123.456, -1.5e-10, 5e-324, double.MaxValue,
                0.1 + 0.2, 2.5e25, 1e15, 123456789012345680000.0, -1e21, 4.35, 1.0 / 3);

            // When
            var json = DumpJson.Serialize(value, sortKeys: false);

            // Then
            json.Should().Be(
                "[\n" +
                "  1,\n" +
                "  0.5,\n" +
                "  1e+21,\n" +
                "  100000000000000000000,\n" +
                "  0,\n" +
                "  1e-7,\n" +
                "  0.000001,\n" +
                "  123.456,\n" +
                "  -1.5e-10,\n" +
                "  5e-324,\n" +
                "  1.7976931348623157e+308,\n" +
                "  0.30000000000000004,\n" +
                "  2.5e+25,\n" +
                "  1000000000000000,\n" +
                "  123456789012345680000,\n" +
                "  -1e+21,\n" +
                "  4.35,\n" +
                "  0.3333333333333333\n" +
                "]\n");
        }

        [Theory]
        [InlineData("1.0", "1")]
        [InlineData("1.50", "1.5")]
        [InlineData("1E2", "100")]
        [InlineData("-0", "0")]
        [InlineData("-0.0", "0")]
        [InlineData("1e21", "1e+21")]
        [InlineData("0.0000001", "1e-7")]
        [InlineData("42", "42")]
        [InlineData("-9007199254740991", "-9007199254740991")]
        public void Should_print_the_number_as_node_does_When_it_was_read_from_text(string input, string expected)
        {
            // Given
            var value = DumpJson.Parse(input, "test");

            // When
            var json = DumpJson.Serialize(value, sortKeys: false);

            // Then
            json.Should().Be(expected + "\n");
        }

        [Fact]
        public void Should_keep_every_digit_When_an_integer_is_beyond_javascript_precision()
        {
            // Given: Node would print 9007199254740992 (doubles); the dump keeps the data instead.
            var value = new JArray(9007199254740993L, DumpJson.Parse("123456789012345678901234567890", "test"));

            // When
            var json = DumpJson.Serialize(value, sortKeys: false);

            // Then
            json.Should().Be("[\n  9007199254740993,\n  123456789012345678901234567890\n]\n");
        }

        [Fact]
        public void Should_leave_out_undefined_properties_and_write_null_for_nan_When_values_have_no_json_form()
        {
            // Given: Node for {a: undefined, b: NaN, c: [undefined, Infinity, -Infinity]}
            var value = new JObject
            {
                ["a"] = JValue.CreateUndefined(),
                ["b"] = double.NaN,
                ["c"] = new JArray(JValue.CreateUndefined(), double.PositiveInfinity, double.NegativeInfinity),
            };

            // When
            var json = DumpJson.Serialize(value, sortKeys: false);

            // Then
            json.Should().Be(
                "{\n" +
                "  \"b\": null,\n" +
                "  \"c\": [\n" +
                "    null,\n" +
                "    null,\n" +
                "    null\n" +
                "  ]\n" +
                "}\n");
        }

        [Fact]
        public void Should_put_array_index_keys_first_When_an_object_has_numeric_keys()
        {
            // Given
            var value = DumpJson.Parse("""{"b":1,"10":2,"2":3,"a":4,"01":5,"4294967295":6,"4294967294":7}""", "test");

            // When
            var plain = DumpJson.Serialize(value, sortKeys: false);
            var sorted = DumpJson.Serialize(value, sortKeys: true);

            // Then
            plain.Should().Be(
                "{\n" +
                "  \"2\": 3,\n" +
                "  \"10\": 2,\n" +
                "  \"4294967294\": 7,\n" +
                "  \"b\": 1,\n" +
                "  \"a\": 4,\n" +
                "  \"01\": 5,\n" +
                "  \"4294967295\": 6\n" +
                "}\n");
            sorted.Should().Be(
                "{\n" +
                "  \"2\": 3,\n" +
                "  \"10\": 2,\n" +
                "  \"4294967294\": 7,\n" +
                "  \"01\": 5,\n" +
                "  \"4294967295\": 6,\n" +
                "  \"a\": 4,\n" +
                "  \"b\": 1\n" +
                "}\n");
        }

        [Fact]
        public void Should_sort_keys_recursively_by_locale_and_keep_array_order_When_sorting_is_asked()
        {
            // Given
            var value = DumpJson.Parse("""{"_syncId":"x","name":"N","Name":"n2","icon":"i","a_b":1,"ab":2,"a-b":3,"aB":4,"Ab":5,"nested":{"z":1,"_z":2,"Z":3,"10":4,"2":5},"list":[{"b":1,"a":2},"keep",["z","a"]]}""", "test");

            // When
            var json = DumpJson.Serialize(value, sortKeys: true);

            // Then
            json.Should().Be(
                "{\n" +
                "  \"_syncId\": \"x\",\n" +
                "  \"a_b\": 1,\n" +
                "  \"a-b\": 3,\n" +
                "  \"ab\": 2,\n" +
                "  \"aB\": 4,\n" +
                "  \"Ab\": 5,\n" +
                "  \"icon\": \"i\",\n" +
                "  \"list\": [\n" +
                "    {\n" +
                "      \"a\": 2,\n" +
                "      \"b\": 1\n" +
                "    },\n" +
                "    \"keep\",\n" +
                "    [\n" +
                "      \"z\",\n" +
                "      \"a\"\n" +
                "    ]\n" +
                "  ],\n" +
                "  \"name\": \"N\",\n" +
                "  \"Name\": \"n2\",\n" +
                "  \"nested\": {\n" +
                "    \"2\": 5,\n" +
                "    \"10\": 4,\n" +
                "    \"_z\": 2,\n" +
                "    \"z\": 1,\n" +
                "    \"Z\": 3\n" +
                "  }\n" +
                "}\n");
        }

        [Fact]
        public void Should_keep_insertion_order_When_sorting_is_not_asked()
        {
            // Given
            var value = new JObject { ["z"] = 1, ["_syncId"] = "x", ["a"] = new JObject { ["y"] = 2, ["b"] = 3 } };

            // When
            var json = DumpJson.Serialize(value, sortKeys: false);

            // Then
            json.Should().Be("{\n  \"z\": 1,\n  \"_syncId\": \"x\",\n  \"a\": {\n    \"y\": 2,\n    \"b\": 3\n  }\n}\n");
        }

        [Fact]
        public void Should_not_change_the_value_When_sorting_keys()
        {
            // Given
            var value = new JObject { ["b"] = 1, ["a"] = 2 };

            // When
            DumpJson.Serialize(value, sortKeys: true);

            // Then
            value.Properties().Select(p => p.Name).Should().Equal("b", "a");
        }

        [Fact]
        public void Should_write_dates_as_javascript_iso_strings_When_a_caller_built_date_values()
        {
            // Given
            var value = new JArray(new DateTime(2024, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc), new DateTimeOffset(2024, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)));

            // When
            var json = DumpJson.Serialize(value, sortKeys: false);

            // Then
            json.Should().Be("[\n  \"2024-01-02T03:04:05.006Z\",\n  \"2024-01-02T03:04:05.000Z\"\n]\n");
        }

        [Fact]
        public void Should_refuse_When_the_value_is_undefined()
        {
            // When
            var act = () => DumpJson.Serialize(JValue.CreateUndefined(), sortKeys: false);

            // Then
            act.Should().Throw<ArgumentException>();
        }
    }

    public sealed class TheWrite : IDisposable
    {
        private readonly TempFolder _temp = new();

        public void Dispose() => _temp.Dispose();

        [Fact]
        public void Should_create_folders_and_write_utf8_without_bom_and_with_lf_only_When_writing_a_file()
        {
            // Given
            var path = _temp.Combine("a", "b", "file.json");
            var value = new JObject { ["text"] = "é\r\n", ["list"] = new JArray(1, 2) };

            // When
            DumpJson.Write(path, value, sortKeys: false);

            // Then
            var bytes = File.ReadAllBytes(path);
            bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF });
            bytes.Should().NotContain((byte)'\r');
            Encoding.UTF8.GetString(bytes).Should().Be("{\n  \"text\": \"é\\r\\n\",\n  \"list\": [\n    1,\n    2\n  ]\n}\n");
        }

        [Fact]
        public void Should_replace_the_file_When_it_exists()
        {
            // Given
            var path = _temp.Write("file.json", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]");

            // When
            DumpJson.Write(path, new JArray(), sortKeys: false);

            // Then
            File.ReadAllText(path).Should().Be("[]\n");
        }
    }

    public sealed class TheReadFile : IDisposable
    {
        private readonly TempFolder _temp = new();

        public void Dispose() => _temp.Dispose();

        [Fact]
        public void Should_keep_dates_as_strings_and_numbers_as_written_When_reading()
        {
            // Given
            var path = _temp.Write("file.json", """{"date_created":"2024-05-01T10:20:30.000Z","day":"2024-05-01","sort":1,"ratio":1.0,"big":12345678901234567890}""");

            // When
            var value = (JObject)DumpJson.ReadFile(path);

            // Then
            value["date_created"]!.Type.Should().Be(JTokenType.String);
            ((string)value["date_created"]!).Should().Be("2024-05-01T10:20:30.000Z");
            value["day"]!.Type.Should().Be(JTokenType.String);
            value["sort"]!.Type.Should().Be(JTokenType.Integer);
            value["ratio"]!.Type.Should().Be(JTokenType.Float);
            value["big"]!.ToString().Should().Be("12345678901234567890");
        }

        [Fact]
        public void Should_round_trip_byte_for_byte_When_a_file_was_written_by_node()
        {
            // Given: collections/roles.json as directus-sync 3.5 writes it (see directus-runtime.md)
            var text =
                "[\n" +
                "  {\n" +
                "    \"name\": \"Administrator\",\n" +
                "    \"icon\": \"verified\",\n" +
                "    \"description\": \"$t:admin_description\",\n" +
                "    \"parent\": null,\n" +
                "    \"_syncId\": \"_sync_default_admin_role\"\n" +
                "  },\n" +
                "  {\n" +
                "    \"name\": \"Editor\",\n" +
                "    \"icon\": \"edit\",\n" +
                "    \"description\": \"Edits articles\",\n" +
                "    \"parent\": null,\n" +
                "    \"_syncId\": \"239e8740-250e-4c21-807b-cae66d30045e\"\n" +
                "  }\n" +
                "]\n";
            var path = _temp.Write("roles.json", text);

            // When
            var json = DumpJson.Serialize(DumpJson.ReadFile(path), sortKeys: false);

            // Then
            json.Should().Be(text);
        }

        [Fact]
        public void Should_keep_the_first_place_and_the_last_value_When_a_key_is_repeated()
        {
            // Given
            var path = _temp.Write("file.json", """{"a":1,"b":2,"a":3}""");

            // When
            var value = DumpJson.ReadFile(path);

            // Then
            DumpJson.Serialize(value, sortKeys: false).Should().Be("{\n  \"a\": 3,\n  \"b\": 2\n}\n");
        }

        [Fact]
        public void Should_skip_the_byte_order_mark_When_the_file_starts_with_one()
        {
            // Given
            var path = _temp.Combine("bom.json");
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "[\"x\"]"u8.ToArray()]);

            // When
            var value = DumpJson.ReadFile(path);

            // Then
            value.Should().BeEquivalentTo(new JArray("x"));
        }

        [Fact]
        public void Should_name_the_file_When_it_does_not_exist()
        {
            // Given
            var path = _temp.Combine("missing.json");

            // When
            var act = () => DumpJson.ReadFile(path);

            // Then
            act.Should().Throw<DumpFileException>()
                .WithMessage($"{path}: the file does not exist")
                .Which.FilePath.Should().Be(path);
        }

        [Fact]
        public void Should_name_the_file_When_it_is_empty()
        {
            // Given
            var path = _temp.Write("empty.json", "  \n");

            // When
            var act = () => DumpJson.ReadFile(path);

            // Then
            act.Should().Throw<DumpFileException>().WithMessage($"{path}: the file is empty*");
        }

        [Fact]
        public void Should_name_the_file_When_the_path_is_a_folder()
        {
            // Given
            var path = _temp.Combine("folder.json");
            Directory.CreateDirectory(path);

            // When
            var act = () => DumpJson.ReadFile(path);

            // Then
            act.Should().Throw<DumpFileException>().WithMessage($"{path}: *folder*");
        }

        [Theory]
        [InlineData("[\n  1,\n  x\n]", 3, 3)]
        [InlineData("[\n  \"é\", é\n]", 2, 8)]
        [InlineData("{\"a\": [1, 2,]}", 1, 13)]
        [InlineData("// note\n[1]", 1, 1)]
        [InlineData("['a']", 1, 2)]
        [InlineData("[NaN]", 1, 2)]
        [InlineData("[010]", 1, 3)]
        [InlineData("[1] [2]", 1, 5)]
        [InlineData("[\"a\u0001\"]", 1, 4)]
        public void Should_give_line_and_position_When_the_text_is_not_json(string content, int line, int position)
        {
            // Given: each is accepted by Newtonsoft and refused by JSON.parse, or refused by both
            var path = _temp.Write("bad.json", content);

            // When
            var act = () => DumpJson.ReadFile(path);

            // Then
            act.Should().Throw<DumpFileException>()
                .WithMessage($"{path}: invalid JSON at line {line}, position {position}: *");
        }

        [Fact]
        public void Should_name_the_file_When_the_text_is_not_utf8()
        {
            // Given
            var path = _temp.Combine("latin1.json");
            File.WriteAllBytes(path, [(byte)'[', (byte)'"', 0xE9, (byte)'"', (byte)']']);

            // When
            var act = () => DumpJson.ReadFile(path);

            // Then
            act.Should().Throw<DumpFileException>().WithMessage($"{path}: invalid UTF-8 at line 1, position 2*");
        }
    }
}
