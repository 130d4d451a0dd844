using System.Net;

namespace DirectusSync.Core.Tests.Workflow;

/// <summary>
/// An in-process Directus stand-in for readiness checks: each request to a path takes the next scripted answer
/// (the last one repeats); an answer may spend time on the test clock, or drop the connection.
/// </summary>
internal sealed class StubDirectus(SteppingTimeProvider time) : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<Answer>> _answers = new(StringComparer.Ordinal);

    public List<HttpRequestMessage> Requests { get; } = [];

    public StubDirectus On(string path, params Answer[] answers)
    {
        _answers[path] = new Queue<Answer>(answers);
        return this;
    }

    public int Count(string path) => Requests.Count(r => r.RequestUri!.AbsolutePath.EndsWith(path, StringComparison.Ordinal));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var path = request.RequestUri!.AbsolutePath;
        var key = _answers.Keys.FirstOrDefault(k => path.EndsWith(k, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No answer scripted for {path}");
        var queue = _answers[key];
        var answer = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        time.Advance(answer.Takes);
        if (answer.Status is null)
        {
            throw new HttpRequestException("Connection refused");
        }

        return Task.FromResult(new HttpResponseMessage(answer.Status.Value) { Content = new StringContent(answer.Body) });
    }

    internal sealed record Answer(HttpStatusCode? Status, string Body = "", TimeSpan Takes = default)
    {
        public static Answer Refused { get; } = new(Status: null);

        public static Answer Healthy { get; } = new(HttpStatusCode.OK, """{"status":"ok"}""");

        public static Answer Pong { get; } = new(HttpStatusCode.OK, "pong");

        public static Answer Starting { get; } = new(HttpStatusCode.ServiceUnavailable, """{"status":"error"}""");

        public static Answer Forbidden { get; } = new(HttpStatusCode.Forbidden, """{"errors":[{"message":"You don't have permission","extensions":{"code":"FORBIDDEN"}}]}""");
    }
}
