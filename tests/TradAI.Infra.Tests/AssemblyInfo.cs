using TradAI.Infra.Tests.Linting;
using TradAI.Infra.Tests.Synthesis;

// Synthesis runs on one jsii/Node process per test process; every test class shares the synthesized apps.
[assembly: AssemblyFixture(typeof(SynthesizedApps))]

// jsii calls are serialized through one Node child process; running test classes concurrently only adds contention.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// cfn-lint runs in the background as variants are synthesized; its test class waits for it at the end.
[assembly: TestCollectionOrderer(typeof(LintLastOrderer))]
