using BenchmarkDotNet.Running;

// Run all suites:   dotnet run -c Release --project bench/TradAI.Config.Benchmarks -- --filter '*'
// Run one suite:    ... -- --filter '*MergePipeline*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
