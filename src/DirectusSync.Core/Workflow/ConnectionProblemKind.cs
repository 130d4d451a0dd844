namespace DirectusSync.Core.Workflow;

/// <summary>What is wrong with connection settings before any request; each front end words it in its own terms.</summary>
public enum ConnectionProblemKind
{
    /// <summary>No URL anywhere.</summary>
    MissingUrl,

    /// <summary>The URL is not an absolute http(s) URL.</summary>
    InvalidUrl,

    /// <summary>No token and no part of a login.</summary>
    MissingCredentials,

    /// <summary>A password without an e-mail.</summary>
    MissingEmail,

    /// <summary>An e-mail without a password.</summary>
    MissingPassword,
}
