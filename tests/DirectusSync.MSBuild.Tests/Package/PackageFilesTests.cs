using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DirectusSync.MSBuild.Diagnostics;
using DirectusSync.MSBuild.Tasks;
using DirectusSync.MSBuild.Tests.Support;

namespace DirectusSync.MSBuild.Tests.Package;

/// <summary>The package's MSBuild files, resources and README agree with each other and with the task classes.</summary>
public sealed class PackageFilesTests
{
    private static readonly string Project = RepositoryFiles.PathOf("src", "DirectusSync.MSBuild");
    private static readonly XDocument Props = XDocument.Load(Path.Combine(Project, "build", "DirectusSync.MSBuild.props"));
    private static readonly XDocument Targets = XDocument.Load(Path.Combine(Project, "build", "DirectusSync.MSBuild.targets"));
    private static readonly Regex Code = new(@"^(DSYNC\d{4}): ", RegexOptions.CultureInvariant);

    private static IReadOnlyDictionary<string, string> Resources() =>
        XDocument.Load(Path.Combine(Project, "Strings.resx")).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static IReadOnlyList<string> ResourceCodes() =>
        Resources().Values.Select(v => Code.Match(v)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    private static IReadOnlyList<string> TargetsCodes() =>
        Targets.Descendants().Where(e => e.Name.LocalName is "Error" or "Warning").Select(e => e.Attribute("Code")!.Value).ToList();

    public sealed class TheResources
    {
        [Fact]
        public void Should_give_every_code_one_meaning_When_read_with_the_targets_codes() =>
            ResourceCodes().Concat(TargetsCodes()).Should().OnlyHaveUniqueItems();

        [Fact]
        public void Should_declare_each_code_in_its_StrBegin_comment_When_a_text_starts_with_a_code()
        {
            foreach (var data in XDocument.Load(Path.Combine(Project, "Strings.resx")).Root!.Elements("data"))
            {
                var code = Code.Match(data.Element("value")!.Value);
                if (code.Success)
                {
                    data.Element("comment")?.Value.Should().Contain($"{{StrBegin=\"{code.Groups[1].Value}: \"}}", data.Attribute("name")!.Value);
                }
            }
        }

        [Fact]
        public void Should_hold_every_resource_the_code_names_When_the_assembly_is_built()
        {
            var names = typeof(Messages).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
            Resources().Keys.Should().BeEquivalentTo(names);
        }
    }

    public sealed class TheReadme
    {
        [Fact]
        public void Should_document_exactly_the_codes_in_use_When_listing_error_codes()
        {
            var readme = File.ReadAllText(Path.Combine(Project, "README.md"));
            var documented = Regex.Matches(readme, @"^\| (DSYNC\d{4}) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
            documented.Should().BeEquivalentTo(ResourceCodes().Concat(TargetsCodes()));
        }

        [Fact]
        public void Should_document_every_public_property_When_listing_properties()
        {
            var readme = File.ReadAllText(Path.Combine(Project, "README.md"));
            foreach (var property in PublicProperties().Where(p => p != "DirectusSyncTasksAssembly"))
            {
                readme.Should().Contain($"`{property}`");
            }
        }
    }

    public sealed class TheProps
    {
        [Fact]
        public void Should_define_every_public_property_When_the_targets_read_it()
        {
            var defined = Props.Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup").Select(e => e.Name.LocalName);
            defined.Should().Contain(PublicProperties(), "every property the targets read has its documented default in the props");
        }

        [Fact]
        public void Should_state_the_default_When_documenting_a_property()
        {
            foreach (var property in PublicProperties())
            {
                // The comment closest above the property (a pair such as e-mail and password shares one).
                var element = Props.Descendants().First(e => e.Name.LocalName == property);
                var comment = element.NodesBeforeSelf().OfType<XComment>().Last().Value;
                comment.Should().Contain("Default", property);
            }
        }
    }

    public sealed class TheTargets
    {
        public static TheoryData<string> Tasks => new(Targets.Descendants().Where(e => e.Name.LocalName.EndsWith("DirectusConfig", StringComparison.Ordinal)).Select(e => e.Name.LocalName).Distinct());

        [Theory]
        [MemberData(nameof(Tasks))]
        public void Should_only_set_parameters_that_the_task_has_When_calling_a_task(string taskName)
        {
            var type = typeof(DirectusSyncTask).Assembly.GetType($"DirectusSync.MSBuild.Tasks.{taskName}")!;
            foreach (var call in Targets.Descendants().Where(e => e.Name.LocalName == taskName))
            {
                foreach (var attribute in call.Attributes().Where(a => a.Name.LocalName is not ("Condition" or "ContinueOnError")))
                {
                    type.GetProperty(attribute.Name.LocalName)?.SetMethod?.IsPublic.Should().BeTrue($"{taskName}.{attribute.Name.LocalName} is set by the targets");
                }

                foreach (var output in call.Elements().Where(e => e.Name.LocalName == "Output"))
                {
                    type.GetProperty(output.Attribute("TaskParameter")!.Value)!.GetCustomAttribute<Microsoft.Build.Framework.OutputAttribute>().Should().NotBeNull();
                }
            }
        }

        [Theory]
        [MemberData(nameof(Tasks))]
        public void Should_pass_every_public_parameter_When_calling_a_task(string taskName)
        {
            var type = typeof(DirectusSyncTask).Assembly.GetType($"DirectusSync.MSBuild.Tasks.{taskName}")!;
            var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod?.IsPublic == true && p.DeclaringType != typeof(Microsoft.Build.Utilities.Task))
                .Select(p => p.Name);
            foreach (var call in Targets.Descendants().Where(e => e.Name.LocalName == taskName))
            {
                call.Attributes().Select(a => a.Name.LocalName).Should().Contain(parameters);
            }
        }

        [Fact]
        public void Should_declare_the_four_public_targets()
        {
            Targets.Root!.Elements().Where(e => e.Name.LocalName == "Target").Select(e => e.Attribute("Name")!.Value)
                .Where(n => !n.StartsWith('_')).Should().BeEquivalentTo("DirectusSyncPull", "DirectusSyncDiff", "DirectusSyncPush", "DirectusSyncBackup");
        }

        [Fact]
        public void Should_import_build_in_one_line_When_consumed_transitively()
        {
            foreach (var extension in new[] { "props", "targets" })
            {
                var text = File.ReadAllText(Path.Combine(Project, "buildTransitive", $"DirectusSync.MSBuild.{extension}")).Trim();
                text.Should().Be($"<Project><Import Project=\"../build/DirectusSync.MSBuild.{extension}\" /></Project>");
            }
        }
    }

    /// <summary>The DirectusSync* properties the targets read (underscore ones are private).</summary>
    private static IReadOnlyList<string> PublicProperties() =>
        Regex.Matches(File.ReadAllText(Path.Combine(Project, "build", "DirectusSync.MSBuild.targets")), @"\$\((DirectusSync\w+)\)")
            .Select(m => m.Groups[1].Value)
            .Concat(Regex.Matches(Targets.ToString(), "PropertyName=\"(DirectusSync\\w+)\"").Select(m => m.Groups[1].Value))
            .Distinct()
            .Where(p => !IsOutput(p))
            .ToList();

    private static bool IsOutput(string property) =>
        Targets.Descendants().Any(e => e.Name.LocalName == "Output" && e.Attribute("PropertyName")?.Value == property);
}
