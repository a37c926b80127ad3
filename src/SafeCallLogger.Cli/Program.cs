using SafeCallLogger.Cli;

// safecall: the operator's tool. Everything (commands, exit codes, the one-line errors) is in SafecallApp.
return await SafecallApp.RunAsync(args);
