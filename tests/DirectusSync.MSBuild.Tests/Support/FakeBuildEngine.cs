using System.Collections;
using System.Collections.Concurrent;
using Microsoft.Build.Framework;

namespace DirectusSync.MSBuild.Tests.Support;

/// <summary>A build engine that records what a task logs, as MSBuild would receive it.</summary>
public sealed class FakeBuildEngine : IBuildEngine
{
    private readonly ConcurrentQueue<BuildEventArgs> _events = new();

    /// <summary>Errors, in order.</summary>
    public IReadOnlyList<BuildErrorEventArgs> Errors => _events.OfType<BuildErrorEventArgs>().ToList();

    /// <summary>Warnings, in order.</summary>
    public IReadOnlyList<BuildWarningEventArgs> Warnings => _events.OfType<BuildWarningEventArgs>().ToList();

    /// <summary>Messages, in order.</summary>
    public IReadOnlyList<BuildMessageEventArgs> Messages => _events.OfType<BuildMessageEventArgs>().ToList();

    /// <summary>Every text logged (errors, warnings, messages).</summary>
    public IEnumerable<string> AllText => _events.Select(e => e.Message ?? string.Empty);

    /// <summary>The error codes, in order.</summary>
    public IReadOnlyList<string> ErrorCodes => Errors.Select(e => e.Code).ToList();

    /// <inheritdoc />
    public bool ContinueOnError => false;

    /// <inheritdoc />
    public int LineNumberOfTaskNode => 7;

    /// <inheritdoc />
    public int ColumnNumberOfTaskNode => 5;

    /// <inheritdoc />
    public string ProjectFileOfTaskNode => "/repo/Sample.csproj";

    /// <inheritdoc />
    public void LogErrorEvent(BuildErrorEventArgs e) => _events.Enqueue(e);

    /// <inheritdoc />
    public void LogWarningEvent(BuildWarningEventArgs e) => _events.Enqueue(e);

    /// <inheritdoc />
    public void LogMessageEvent(BuildMessageEventArgs e) => _events.Enqueue(e);

    /// <inheritdoc />
    public void LogCustomEvent(CustomBuildEventArgs e) => _events.Enqueue(e);

    /// <inheritdoc />
    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("the DirectusSync tasks build no projects");
}
