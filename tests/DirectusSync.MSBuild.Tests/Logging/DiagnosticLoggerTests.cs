using System.Resources;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Workflow;
using DirectusSync.MSBuild.Diagnostics;
using DirectusSync.MSBuild.Logging;
using DirectusSync.MSBuild.Tasks;
using DirectusSync.MSBuild.Tests.Support;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DirectusSync.MSBuild.Tests.Logging;

public sealed class DiagnosticLoggerTests
{
    private static (FakeBuildEngine Engine, DiagnosticLogger Logger) Create(params string[] secrets)
    {
        var engine = new FakeBuildEngine();
        var helper = new TaskLoggingHelper(engine, "DiffDirectusConfig")
        {
            TaskResources = new ResourceManager("DirectusSync.MSBuild.Strings", typeof(DirectusSyncTask).Assembly),
        };
        return (engine, new DiagnosticLogger(helper, new SecretRedactor(secrets)));
    }

    public sealed class TheReportMethod
    {
        [Fact]
        public void Should_take_the_code_from_the_resource_and_keep_braces_When_the_arguments_hold_json()
        {
            // Given
            var (engine, logger) = Create();

            // When
            logger.Report(new Diagnostic(Messages.ApiError, "POST /permissions failed: {\"permissions\":{\"_eq\":1}} {0}"));

            // Then
            var error = engine.Errors.Should().ContainSingle().Subject;
            error.Code.Should().Be("DSYNC0200");
            error.Message.Should().Be("Directus API error: POST /permissions failed: {\"permissions\":{\"_eq\":1}} {0}");
        }

        [Fact]
        public void Should_mask_secrets_When_an_argument_holds_one()
        {
            // Given
            var (engine, logger) = Create("hunter2");

            // When
            logger.Report(new Diagnostic(Messages.Unreachable, "http://x", "proxy said hunter2") { IsWarning = true });

            // Then
            engine.Warnings.Should().ContainSingle().Which.Message.Should().EndWith("proxy said ***");
        }
    }

    public sealed class TheTextMethod
    {
        [Fact]
        public void Should_escape_control_characters_and_ci_commands_When_a_message_carries_names_from_a_dump()
        {
            // Given
            var (engine, logger) = Create();

            // When
            logger.Text(MessageImportance.Normal, "create roles r-1 \"\u001b[2J\": name\n::set-output name=x::1 ##vso[task.complete]");

            // Then
            var message = engine.Messages.Should().ContainSingle().Subject.Message;
            message.Should().NotContain("\u001b").And.NotContain("##vso[");
            message.Split('\n').Should().NotContain(l => l.TrimStart().StartsWith("::", StringComparison.Ordinal));
        }
    }

    public sealed class TheSyncLog
    {
        [Fact]
        public void Should_map_core_levels_onto_msbuild_When_the_core_writes()
        {
            // Given
            var (engine, logger) = Create();
            var log = new MSBuildSyncLog(logger);

            // When
            log.Debug("roles", "Pulled {3} items.");
            log.Info("push", "iteration 1");
            log.Warn("permissions", "Found duplicate permissions");

            // Then
            engine.Messages.Select(m => (m.Importance, m.Message)).Should().Equal(
                (MessageImportance.Low, "[roles] Pulled {3} items."),
                (MessageImportance.Normal, "[push] iteration 1"));
            engine.Warnings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = "DSYNC0902", Message = "[permissions] Found duplicate permissions" });
        }
    }
}
