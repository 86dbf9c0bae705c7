using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using RipeTyped.Benchmarks;

// dotnet run -c Release --project benchmarks/RipeTyped.Benchmarks -- --filter '*'        all BenchmarkDotNet benchmarks
// dotnet run -c Release --project benchmarks/RipeTyped.Benchmarks -- receiver 5099      a loopback receiver (for wrk)
// dotnet run -c Release --project benchmarks/RipeTyped.Benchmarks -- memory 1000000     peak memory over N events
// dotnet run -c Release --project benchmarks/RipeTyped.Benchmarks -- flaky 10000 5 5xx  one timed run with 5% faults
// dotnet run -c Release --project benchmarks/RipeTyped.Benchmarks -- plan 5000 > p.yaml  the synthetic N-event plan
// dotnet run -c Release --project benchmarks/RipeTyped.Benchmarks -- compile-cost 1000   compiler time by generated-code variant
// dotnet run -c Release --project benchmarks/RipeTyped.Benchmarks -- httpclient-ceiling 10 8   a bare HttpClient loop against the receiver
// dotnet run -c Release --project benchmarks/RipeTyped.Benchmarks -- caller-latency 20000 8   Track… call latency with a spool, 8 threads
// dotnet run -c Release --project benchmarks/RipeTyped.Benchmarks -- code-variants 1000|plan.yaml DIR NS   generated code and floors as plain sources (build-floor.sh)
// dotnet run -c Release --project benchmarks/RipeTyped.Benchmarks -- compile-warm 9 RipeTyped.dll EMPTY FLOOR DIR...   warm in-process compile of folders, ratios per round
switch (args.Length > 0 ? args[0] : "")
{
    case "receiver":
        await using (var receiver = await LoopbackReceiver.StartAsync(args.Length > 1 ? int.Parse(args[1]) : 5099))
        {
            Console.WriteLine("receiving; Ctrl+C to stop");
            var stop = new TaskCompletionSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
            AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
            await stop.Task;
            Console.WriteLine($"received {receiver.Received:N0}");
        }

        return 0;
    case "plan":
        Console.Write(Plans.Synthetic(args.Length > 1 ? int.Parse(args[1]) : 1000));
        return 0;
    case "compile-cost":
        return CompileCost.Run(args.Length > 1 ? int.Parse(args[1]) : 1000);
    case "code-variants":
        return CodeVariants.Run(args[1], args[2], args[3]);
    case "compile-warm":
        // compile-warm <rounds> <RipeTyped.dll> <empty program folder> <floor folder> <folder>...
        return CompileWarm.Run(int.Parse(args[1]), args[2], args[3..]);
    case "httpclient-ceiling":
        // httpclient-ceiling <seconds> <concurrent>: against RIPE_BENCH_ENDPOINT's receiver
        return await HttpClientCeiling.RunAsync(Environment.GetEnvironmentVariable("RIPE_BENCH_ENDPOINT") ?? "http://127.0.0.1:5099/event", int.Parse(args[1]), int.Parse(args[2]));
    case "caller-latency":
        // caller-latency <calls per thread> <threads>
        return await CallerLatencyRun.RunAsync(int.Parse(args[1]), int.Parse(args[2]));
    case "breakdown":
        return Breakdown.Run(args.Length > 1 ? int.Parse(args[1]) : 1000);
    case "pipeline-loop":
        // pipeline-loop <events> <runs>: the generator's work in a loop, for a profiler (dotnet-trace) to attach to.
        // RIPE_LOOP_STAGE=read|load|spec|emit runs one stage alone; RIPE_ALLOC_TYPES=1 prints what it allocates, by type.
        return Breakdown.Loop(int.Parse(args[1]), int.Parse(args[2]));
    case "flaky":
        // flaky <events> <percent> <5xx|429>: one timed run against RIPE_BENCH_ENDPOINT's receiver
        return await FlakyRun.RunAsync(int.Parse(args[1]), int.Parse(args[2]), args[3], Environment.GetEnvironmentVariable("RIPE_BENCH_ENDPOINT") ?? "http://127.0.0.1:5099/event");
    case "memory":
        // memory <events> [concurrent requests]
        return await DeliveryMemoryRun.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 1_000_000, Environment.GetEnvironmentVariable("RIPE_BENCH_ENDPOINT"), args.Length > 2 ? int.Parse(args[2]) : 8);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Plans).Assembly).Run(args);
        return 0;
}
