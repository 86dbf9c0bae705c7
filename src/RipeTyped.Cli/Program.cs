using System;
using System.Threading.Tasks;
using RipeTyped.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
