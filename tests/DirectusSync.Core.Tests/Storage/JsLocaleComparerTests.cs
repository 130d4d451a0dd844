using DirectusSync.Core.Storage;

namespace DirectusSync.Core.Tests.Storage;

public sealed class JsLocaleComparerTests
{
    // Taken from Node 20.20.2 (ICU 78.2, locale en-US):
    //   node -e 'console.log(Math.sign(a.localeCompare(b)))'
    [Theory]
    [InlineData("a", "B", -1)]
    [InlineData("_a", "a", -1)]
    [InlineData("a", "A", -1)]
    [InlineData("A", "b", -1)]
    [InlineData("e", "é", -1)]
    [InlineData("é", "f", -1)]
    [InlineData("10", "2", -1)]
    [InlineData("ab", "a_b", 1)]
    [InlineData("a-b", "ab", -1)]
    [InlineData("_syncId", "id", -1)]
    [InlineData("Z", "a", 1)]
    [InlineData("ss", "ß", -1)]
    [InlineData("policy", "Policy", -1)]
    [InlineData("x1", "x10", -1)]
    [InlineData("", "a", -1)]
    [InlineData("a", "a", 0)]
    public void Should_agree_with_node_localeCompare_When_comparing_two_strings(string a, string b, int expected)
    {
        // When
        var sign = Math.Sign(JsLocaleComparer.Instance.Compare(a, b));

        // Then
        sign.Should().Be(expected);
    }

    [Fact]
    public void Should_sort_as_node_does_When_sorting_keys_and_sync_ids()
    {
        // Given
        string[] input =
        [
            "_syncId", "name", "Name", "id", "icon", "color", "note", "a_b", "ab", "a-b", "aB", "Ab", "a", "A", "_a", "-a",
            "1", "10", "2", "é", "e", "f", "z", "Z", "key", "key2", "key_2", "key-2", "userId", "user_id", "user", "users",
            "$schema", "#x", "a.b", "a b", "ä", "Ä", "zz", "Zz", "ß", "ss", "collection", "collection_accessors", "collection_2",
        ];

        // When
        var sorted = input.Order(JsLocaleComparer.Instance).ToList();

        // Then: [...input].sort((x, y) => x.localeCompare(y)) in Node 20.20.2
        sorted.Should().Equal(
            "_a", "_syncId", "-a", "#x", "$schema", "1", "10", "2", "a", "A", "ä", "Ä", "a b", "a_b", "a-b", "a.b", "ab", "aB",
            "Ab", "collection", "collection_2", "collection_accessors", "color", "e", "é", "f", "icon", "id", "key", "key_2",
            "key-2", "key2", "name", "Name", "note", "ss", "ß", "user", "user_id", "userId", "users", "z", "Z", "zz", "Zz");
    }

    [Fact]
    public void Should_break_ties_ordinally_When_icu_ranks_two_different_strings_equal()
    {
        // Given: Node's localeCompare gives 0 for these (ICU ignores the control character)
        var plain = "a";
        var withControl = "a\u0001";

        // When
        var forward = JsLocaleComparer.Instance.Compare(plain, withControl);
        var backward = JsLocaleComparer.Instance.Compare(withControl, plain);

        // Then
        forward.Should().BeNegative();
        backward.Should().BePositive();
    }

    [Fact]
    public void Should_sort_null_first_When_a_string_is_null()
    {
        // When
        var comparison = JsLocaleComparer.Instance.Compare(null, "");

        // Then
        comparison.Should().BeNegative();
    }
}
