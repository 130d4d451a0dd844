// The integration tests share one Directus; they run one collection at a time (see xunit.runner.json).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
