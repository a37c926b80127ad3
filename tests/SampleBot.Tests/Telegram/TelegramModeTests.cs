using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SafeCallLogger;
using SampleBot.Bot;
using SampleBot.Tests.Support;

namespace SampleBot.Tests.Telegram;

/// <summary>The whole program in Telegram mode (host, configuration, DI, alert hook) against a stand-in Bot API on 127.0.0.1.</summary>
public sealed class TelegramModeTests
{
    private const long Admin = 777;

    [Fact]
    public async Task RunAsync_TokenAndAdminChatConfigured_PollsStandInAndAnswersAdminMlStats()
    {
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        var polls = 0;
        await using var server = new StandInTelegramServer((method, body) =>
        {
            if (method == "sendMessage")
            {
                reply.TrySetResult(body);
                return StandInTelegramServer.SentMessage(Admin);
            }

            return Interlocked.Increment(ref polls) == 1
                ? StandInTelegramServer.Ok($"[{StandInTelegramServer.TextUpdate(9, Admin, "/ml_stats")}]")
                : StandInTelegramServer.Ok("[]");
        });
        using var stop = new CancellationTokenSource();

        var run = SampleBotApp.RunAsync(Args(server), TextWriter.Null, TextReader.Null, cancellationToken: stop.Token);
        var message = await reply.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Equal(Admin, message["chat_id"]!.GetValue<long>());
        Assert.Contains("ML CALL LOGGER - STATS", message["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Method.StartsWith("WRONG_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_StorageFailing_LibraryAlertReachesAdminChat()
    {
        var alert = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var polls = 0;
        await using var server = new StandInTelegramServer((method, body) =>
        {
            if (method == "sendMessage")
            {
                var text = body["text"]!.GetValue<string>();
                if (text.StartsWith("ML CALL LOGGER - ", StringComparison.Ordinal) && body["chat_id"]!.GetValue<long>() == Admin)
                {
                    alert.TrySetResult(text);
                }

                return StandInTelegramServer.SentMessage(Admin);
            }

            return Interlocked.Increment(ref polls) == 1
                ? StandInTelegramServer.Ok($"[{StandInTelegramServer.TextUpdate(9, Admin, "/ml_test")}]")
                : StandInTelegramServer.Ok("[]");
        });
        using var stop = new CancellationTokenSource();

        // The database path is a directory: SQLite cannot open it, so every write fails for real.
        var notAFile = Directory.CreateTempSubdirectory("samplebot-").FullName;
        var run = SampleBotApp.RunAsync(Args(server, notAFile), TextWriter.Null, TextReader.Null, builder =>
            builder.Services.Configure<CallLoggerOptions>(options =>
            {
                options.ErrorAlertThreshold = 1;
                options.RetryBaseDelay = TimeSpan.Zero;
                options.RetryMaxDelay = TimeSpan.Zero;
                options.ShutdownTimeout = TimeSpan.Zero;
            }), stop.Token);
        var text = await alert.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Contains("unable to open database file", text, StringComparison.Ordinal);
    }

    private static string[] Args(StandInTelegramServer server, string? database = null) =>
    [
        "--TELEGRAM_BOT_TOKEN", StandInTelegramServer.Token,
        "--ADMIN_CHAT_ID", Admin.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--Telegram:BaseAddress", server.BaseAddress.ToString(),
        "--Telegram:PollTimeoutSeconds", "0",
        "--db", database ?? Path.Combine(Directory.CreateTempSubdirectory("samplebot-").FullName, "calls.db"),
    ];
}
