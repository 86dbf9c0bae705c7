using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/RipeTyped.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(RipeTyped.Benchmarks.Plans).Assembly).Run(args);
