using DirectusSync.Core.Sync;
using DirectusSync.MSBuild.Configuration;
using DirectusSync.MSBuild.Diagnostics;

namespace DirectusSync.MSBuild.Tests.Configuration;

public sealed class SettingsReaderTests
{
    private static readonly SyncInputs Valid = new() { Url = "https://cms.example.com", Token = "t0ken", DumpPath = "/work/dump" };

    public sealed class TheReadMethod
    {
        [Fact]
        public void Should_map_the_inputs_onto_the_sync_options_When_they_are_valid()
        {
            // Given
            var inputs = Valid with
            {
                OnlyCollections = "roles, policies;permissions",
                ExcludeCollections = " ",
                PreserveIds = "roles",
                CollectionsPath = "items",
                Split = false,
                SortJson = true,
                Force = true,
                MaxPushRetries = 0,
                Mode = "Merge",
                RequestTimeoutSeconds = 30,
            };

            // When
            var result = SettingsReader.Read(inputs, _ => null);

            // Then
            result.IsValid.Should().BeTrue();
            var sync = result.Settings!.Sync;
            sync.DumpPath.Should().Be("/work/dump");
            sync.OnlyCollections.Should().Equal("roles", "policies", "permissions");
            sync.ExcludeCollections.Should().BeEmpty();
            sync.PreserveIds.Should().Equal("roles");
            sync.CollectionsPath.Should().Be("items");
            sync.SnapshotPath.Should().Be("snapshot");
            sync.Split.Should().BeFalse();
            sync.SortJson.Should().BeTrue();
            sync.Force.Should().BeTrue();
            sync.MaxPushRetries.Should().Be(0);
            sync.Mode.Should().Be(PushMode.Merge);
            result.Settings.Client.BaseUrl.Should().Be(new Uri("https://cms.example.com"));
            result.Settings.Client.RequestTimeout.Should().Be(TimeSpan.FromSeconds(30));
        }

        [Fact]
        public void Should_keep_directus_sync_defaults_When_optional_inputs_are_empty()
        {
            // When
            var sync = SettingsReader.Read(Valid, _ => null).Settings!.Sync;

            // Then
            var defaults = new SyncOptions();
            sync.Should().BeEquivalentTo(defaults, o => o.Excluding(s => s.DumpPath).Excluding(s => s.Hooks));
        }

        [Fact]
        public void Should_read_the_token_from_DIRECTUS_TOKEN_and_list_it_as_a_secret_When_no_token_is_given()
        {
            // When
            var result = SettingsReader.Read(Valid with { Token = null }, name => name == "DIRECTUS_TOKEN" ? "from-env" : null);

            // Then
            result.Settings!.Client.Credentials.Token.Should().Be("from-env");
            result.Settings.Secrets.Should().Equal("from-env");
        }

        [Fact]
        public void Should_log_in_with_the_environment_login_and_mask_the_password_When_there_is_no_token()
        {
            // Given
            var environment = new Dictionary<string, string> { ["DIRECTUS_ADMIN_EMAIL"] = "admin@example.com", ["DIRECTUS_ADMIN_PASSWORD"] = "pa55" };

            // When
            var result = SettingsReader.Read(Valid with { Token = null }, environment.GetValueOrDefault);

            // Then
            result.Settings!.Client.Credentials.Email.Should().Be("admin@example.com");
            result.Settings.Secrets.Should().Equal("pa55");
        }

        [Theory]
        [InlineData(null, Messages.MissingUrl)]
        [InlineData("  ", Messages.MissingUrl)]
        [InlineData("/relative", Messages.InvalidUrl)]
        [InlineData("mailto:a@b.c", Messages.InvalidUrl)]
        public void Should_refuse_the_url_When_it_is_missing_or_not_http(string? url, string expected)
        {
            // When
            var result = SettingsReader.Read(Valid with { Url = url }, _ => null);

            // Then
            result.IsValid.Should().BeFalse();
            result.Errors.Select(e => e.ResourceName).Should().Equal(expected);
        }

        [Fact]
        public void Should_name_the_property_When_only_collections_has_an_unknown_name()
        {
            // When
            var result = SettingsReader.Read(Valid with { OnlyCollections = "roles,users" }, _ => null);

            // Then
            var error = result.Errors.Should().ContainSingle().Subject;
            error.ResourceName.Should().Be(Messages.InvalidCollections);
            error.Arguments[0].Should().Be("DirectusSyncOnlyCollections");
            error.Arguments[1].ToString().Should().Contain("'users'");
        }
    }
}
