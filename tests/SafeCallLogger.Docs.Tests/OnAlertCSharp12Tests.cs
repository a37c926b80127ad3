using Microsoft.CodeAnalysis.CSharp;

namespace SafeCallLogger.Docs.Tests;

/// <summary>
/// The forms of alert callback a bot author writes compile under C# 12 too, the default of a net8.0 project: overload
/// resolution depends on the language version, and a Task overload beside the ValueTask one made async and throwing
/// lambdas ambiguous there (CS0121) while C# 13 and later were fine.
/// </summary>
public sealed class OnAlertCSharp12Tests
{
    private const string Code = """
        using SafeCallLogger;
        using Telegram.Bot;

        var options = new CallLoggerOptions();
        options.OnAlert((alert, ct) => bot.SendMessage(adminChatId, alert.Message, cancellationToken: ct));   // Task<Message>
        options.OnAlert(async (alert, ct) => await bot.SendMessage(adminChatId, alert.Message, cancellationToken: ct));
        options.OnAlert((alert, ct) => Task.CompletedTask);
        options.OnAlert((alert, ct) => ValueTask.CompletedTask);
        options.OnAlert((_, _) => throw new InvalidOperationException("no admin chat"));
        options.OnAlert(alert => Console.WriteLine(alert.Message));
        """;

    [Theory]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.Latest)]
    public void OnAlert_EveryCallbackForm_CompilesWithoutAmbiguity(LanguageVersion language)
    {
        var snippet = new Snippet("OnAlertForms.cs", 1, Code, SnippetKind.Fragment, "ITelegramBotClient bot, long adminChatId");

        var diagnostics = SnippetCompiler.Compile(snippet, language);

        Assert.True(diagnostics.Count == 0, string.Join('\n', diagnostics));
    }
}
