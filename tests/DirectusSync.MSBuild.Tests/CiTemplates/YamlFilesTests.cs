using System.Text.RegularExpressions;
using DirectusSync.MSBuild.Tests.Support;

namespace DirectusSync.MSBuild.Tests.CiTemplates;

public sealed class YamlFilesTests
{
    public static TheoryData<string> Files => new(Yaml.Files());

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_parse_as_one_yaml_document_When_loaded(string file) =>
        Yaml.Load(file.Split('/')).Children.Should().NotBeEmpty();

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_hold_no_secret_When_read(string file)
    {
        var text = RepositoryFiles.Read(file.Split('/'));
        text.Should().NotContain("sandbox-static-admin-token");
        Regex.Matches(text, @"(?im)^[ \t-]*(directus-token|directusToken|DIRECTUS_TOKEN)[ \t]*:[ \t]*(?<value>\S.*)$")
            .Select(m => m.Groups["value"].Value.Trim())
            .Where(v => !(v == "''" || v.StartsWith("${{ secrets.", StringComparison.Ordinal) || v.StartsWith("${{ inputs.", StringComparison.Ordinal)
                || v.StartsWith("${{ parameters.", StringComparison.Ordinal) || v == "$(DIRECTUS_TOKEN)"))
            .Should().BeEmpty("a token comes from the CI's secret store");
    }
}
