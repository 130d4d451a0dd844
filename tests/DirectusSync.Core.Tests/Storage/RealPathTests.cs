using DirectusSync.Core.Storage;

namespace DirectusSync.Core.Tests.Storage;

public sealed class RealPathTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_follow_links_in_the_middle_of_a_path_When_resolving()
    {
        // Given a/link -> b, and a file b/c.txt
        var target = _temp.Combine("b");
        Directory.CreateDirectory(target);
        Directory.CreateDirectory(_temp.Combine("a"));
        Directory.CreateSymbolicLink(_temp.Combine("a", "link"), "../b");

        // When a path through the link is resolved (the file need not exist)
        var real = RealPath.Resolve(_temp.Combine("a", "link", "c.txt"));

        // Then it names the real place
        real.Should().Be(Path.Combine(RealPath.Resolve(target), "c.txt"));
    }

    [Fact]
    public void Should_fail_clearly_When_links_form_a_cycle()
    {
        // Given two links pointing at each other
        File.CreateSymbolicLink(_temp.Combine("x"), _temp.Combine("y"));
        File.CreateSymbolicLink(_temp.Combine("y"), _temp.Combine("x"));

        // When / Then
        var act = () => RealPath.Resolve(_temp.Combine("x"));
        act.Should().Throw<IOException>().WithMessage("*symbolic links*");
    }

    [Fact]
    public void Should_not_count_a_sibling_with_a_longer_name_as_inside_When_checking_containment()
    {
        // Given /seed and /seed-private
        Directory.CreateDirectory(_temp.Combine("seed"));

        // When / Then
        RealPath.IsInside(_temp.Combine("seed-private", "x"), _temp.Combine("seed")).Should().BeFalse();
        RealPath.IsInside(_temp.Combine("seed", "x"), _temp.Combine("seed")).Should().BeTrue();
    }
}
