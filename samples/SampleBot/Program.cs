using SampleBot;

// Offline by default:        dotnet run --project samples/SampleBot
// Unattended demo:            dotnet run --project samples/SampleBot -- --demo 200 --db demo.db
// Telegram: set TELEGRAM_BOT_TOKEN and ADMIN_CHAT_ID. The wiring that matters is in SampleBotApp.ConfigureServices.
return await SampleBotApp.RunAsync(args, Console.Out, Console.In);
