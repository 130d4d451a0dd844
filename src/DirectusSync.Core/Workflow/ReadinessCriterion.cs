namespace DirectusSync.Core.Workflow;

/// <summary>What "ready" means to a <see cref="ReadinessProbe"/>.</summary>
public enum ReadinessCriterion
{
    /// <summary>
    /// <c>GET /server/health</c> answers <c>status: "ok"</c> (authenticated when credentials are given: Directus 12
    /// answers 403 to an anonymous health check); when health is refused (401/403) a <c>pong</c> counts instead.
    /// The reference's <c>helpers wait-server-ready</c>.
    /// </summary>
    Health,

    /// <summary>
    /// <c>GET /server/ping</c> answers <c>pong</c>, anonymously: the process is up, even before anyone can log in
    /// (an upgrade waits for this while migrations run).
    /// </summary>
    Ping,
}
