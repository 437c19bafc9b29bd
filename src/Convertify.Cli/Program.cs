using Convertify.Cli;

return await CliApplication.RunAsync(args).ConfigureAwait(false);
