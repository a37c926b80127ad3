using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SampleBot.Tests.Support;

/// <summary>
/// A stand-in for the Telegram Bot API on 127.0.0.1: real HTTP, scripted answers, every request recorded. Telegram.Bot
/// posts each method as a JSON body to <c>{base}/bot{token}/{method}</c>; anything else is recorded as a wrong request.
/// </summary>
internal sealed class StandInTelegramServer : IAsyncDisposable
{
    public const string Token = "123:TEST";

    private readonly HttpListener _listener = new();
    private readonly Func<string, JsonObject, (int Status, string Json)> _respond;
    private readonly Task _loop;

    public StandInTelegramServer(Func<string, JsonObject, (int Status, string Json)> respond)
    {
        _respond = respond;
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<(string Method, JsonObject Body)> Requests { get; } = new();

    public IEnumerable<JsonObject> BodiesOf(string method) => Requests.Where(r => r.Method == method).Select(r => r.Body);

    public static (int, string) Ok(string resultJson) => (200, $$$"""{"ok":true,"result":{{{resultJson}}}}""");

    public static (int, string) Error(int code, string description, int? retryAfter = null) =>
        (code, retryAfter is null
            ? $$$"""{"ok":false,"error_code":{{{code}}},"description":"{{{description}}}"}"""
            : $$$"""{"ok":false,"error_code":{{{code}}},"description":"{{{description}}}","parameters":{"retry_after":{{{retryAfter}}}}}""");

    /// <summary>A sent Message as Telegram answers it: the required fields of the Bot API (message_id, date, chat).</summary>
    public static (int, string) SentMessage(long chatId) =>
        Ok($$$"""{"message_id":1,"date":1767603600,"chat":{"id":{{{chatId}}},"type":"private"},"from":{"id":123,"is_bot":true,"first_name":"SampleBot"},"text":"ok"}""");

    /// <summary>A private text message from <paramref name="userId"/>, as getUpdates returns it.</summary>
    public static string TextUpdate(int updateId, long userId, string text) =>
        $$$"""{"update_id":{{{updateId}}},"message":{"message_id":{{{updateId}}},"date":1767603600,"from":{"id":{{{userId}}},"is_bot":false,"first_name":"User"},"chat":{"id":{{{userId}}},"type":"private"},"text":"{{{text}}}"}}""";

    /// <summary>A press of an inline button carrying <paramref name="data"/>, as getUpdates returns it.</summary>
    public static string CallbackUpdate(int updateId, string queryId, long userId, string? data) =>
        $$$"""{"update_id":{{{updateId}}},"callback_query":{"id":"{{{queryId}}}","from":{"id":{{{userId}}},"is_bot":false,"first_name":"Ann"},"chat_instance":"42","data":"{{{data}}}"}}""";

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            var body = text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
            var method = context.Request.Url!.AbsolutePath.Split('/').Last();
            var expectedPrefix = $"/bot{Token}/";
            if (!context.Request.Url.AbsolutePath.StartsWith(expectedPrefix, StringComparison.Ordinal))
            {
                method = "WRONG_PATH:" + context.Request.Url.AbsolutePath;
            }
            else if (context.Request.HttpMethod != "POST" || context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
            {
                method = $"WRONG_REQUEST:{context.Request.HttpMethod} {context.Request.ContentType} {method}";
            }

            Requests.Enqueue((method, body));
            var (status, json) = _respond(method, body);
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
