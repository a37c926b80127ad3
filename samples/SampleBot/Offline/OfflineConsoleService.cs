using System.Globalization;
using Microsoft.Extensions.Hosting;
using SampleBot.Bot;

namespace SampleBot.Offline;

internal sealed class OfflineSettings
{
    public int AlertIntervalSeconds { get; set; } = 10;
}

/// <summary>
/// The interactive offline bot: the feed runs on a timer, and the person at the console is the admin, who can type
/// commands (<c>/ml_stats</c>, <c>/ml_test</c>, <c>/next</c>, <c>/quit</c>).
/// </summary>
internal sealed class OfflineConsoleService(
    Simulation simulation,
    BotCommands commands,
    ConsoleChat chat,
    TextReader input,
    OfflineSettings settings,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        chat.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"""
            SampleBot (offline). A simulated feed sends an alert every {settings.AlertIntervalSeconds} s to simulated users.
            You are the admin (user {commands.AdminId}). Type /ml_stats, /ml_test, /next (an alert now), /quiet, /verbose, /quit.
            """));
        var feed = RunFeedAsync(stoppingToken);
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            // Console.In has no cancellable read; reading on the thread pool keeps the host responsive to Ctrl+C.
            var line = await Task.Run(input.ReadLine, stoppingToken).WaitAsync(stoppingToken).ConfigureAwait(false);
            if (line is null || line.Trim() == "/quit")
            {
                lifetime.StopApplication();
                break;
            }

            await HandleLineAsync(line.Trim(), stoppingToken).ConfigureAwait(false);
        }

        await feed.ConfigureAwait(false);
    }

    private async Task HandleLineAsync(string line, CancellationToken cancellationToken)
    {
        switch (line)
        {
            case "":
                return;
            case "/next":
                await StepAsync(cancellationToken).ConfigureAwait(false);
                return;
            case "/quiet":
                chat.Verbose = false;
                return;
            case "/verbose":
                chat.Verbose = true;
                return;
        }

        var reply = await commands.HandleAsync(commands.AdminId, line, cancellationToken).ConfigureAwait(false);
        chat.Write("[bot -> you] " + ConsoleChat.Indent(reply ?? "Unknown command. Try /ml_stats, /ml_test, /next, /quit."));
    }

    private async Task RunFeedAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, settings.AlertIntervalSeconds)), timeProvider, stoppingToken).ConfigureAwait(false);
                await StepAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task StepAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await simulation.StepAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
