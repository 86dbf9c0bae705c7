using System;
using System.Threading.Tasks;
using RipeTyped.Cli;
using RipeTyped.Cli.Infrastructure;

return await CliApp.RunAsync(args, Console.Out, Console.Error, Progress.For(Console.Error, Console.IsErrorRedirected)).ConfigureAwait(false);
