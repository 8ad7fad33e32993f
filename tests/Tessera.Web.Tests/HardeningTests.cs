using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Governance.Audit;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;
using Tessera.Governance.Access;

namespace Tessera.Web.Tests;

/// <summary>
/// The probe's smaller findings, each on the running app: errors for any method, 405 for methods
/// nothing answers, the API's documented size limit, throttled anonymous failures, no server paths,
/// a zip bomb in the inbox.
/// </summary>
public sealed class HardeningTests(HardeningTests.App app) : IClassFixture<HardeningTests.App>
{
    /// <summary>An initialised workspace with an API token, a zip bomb in its inbox, and a clock the tests move.</summary>
    public sealed class App : KestrelAppFactory
    {
        public App()
        {
            using (var workspace = Workspace.Create(Folder, null, "tester@test", DateTime.UtcNow))
            {
                Token = workspace.ServiceAccounts.Create("hmis-nightly", Role.DataPartner, AccessScope.OfSources(["homelessness"]), "tester@test", DateTime.UtcNow);
            }

            var bombs = Path.Combine(Folder, "incoming", "bombs", "2024-01");
            Directory.CreateDirectory(bombs);
            using (var zip = ZipFile.Open(Path.Combine(bombs, "export.zip"), ZipArchiveMode.Create))
            using (var entry = zip.CreateEntry("Client.csv", CompressionLevel.SmallestSize).Open())
            {
                entry.Write(new byte[64 << 20]); // 64 MB of zeros in about 64 KB: far beyond the intake's ratio limit
            }

            Start();
        }

        public string Token { get; }

        public SessionTests.MovableClock Clock { get; } = new();

        public override string Folder => Path.Combine(Root, "ws");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task A_post_that_fails_gets_the_error_page_not_an_empty_400()
    {
        using var client = await app.SignedIn(followRedirects: false);
        var token = await KestrelAppFactory.AntiForgeryToken(client, "/deliveries/upload");
        var checkpoints = Path.Combine(app.Folder, Workspace.AuditCheckpointsFile);
        var kept = await File.ReadAllBytesAsync(checkpoints);
        File.Delete(checkpoints);
        Directory.CreateDirectory(checkpoints); // the audit log cannot be written: the upload must fail closed
        try
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("homelessness"), "Source" },
                { new ByteArrayContent("a,b\n1,2\n"u8.ToArray()), "files", "Client.csv" },
            };

            var response = await client.PostAsync(new Uri("/deliveries/upload", UriKind.Relative), form);

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Contains("Something went wrong", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(checkpoints);
            await File.WriteAllBytesAsync(checkpoints, kept);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/deliveries")]
    [InlineData("/sources")]
    [InlineData("/metrics")]
    [InlineData("/linkage")]
    [InlineData("/audit")]
    public async Task Trace_and_other_unknown_methods_are_refused_with_405(string path)
    {
        using var client = await app.SignedIn(followRedirects: false);
        foreach (var method in new[] { "TRACE", "PUT", "DELETE", "PATCH", "OPTIONS" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Equal("GET, HEAD, POST", string.Join(", ", response.Content.Headers.Allow));
        }
    }

    [Fact]
    public async Task A_post_to_a_page_that_only_shows_is_refused_with_405()
    {
        using var client = await app.SignedIn(followRedirects: false);
        var token = await KestrelAppFactory.AntiForgeryToken(client, "/deliveries");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        var response = await client.PostAsync(new Uri("/deliveries", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("Not possible here", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_delivery_API_takes_more_than_Kestrels_30_MB_and_names_no_server_path()
    {
        using var client = ApiClient("bearer"); // RFC 7235: the scheme is case-insensitive
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(new byte[40 << 20]), "files", "Client.csv" },
        };

        var response = await client.PostAsync(new Uri("/api/deliveries?source=homelessness", UriKind.Relative), content);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
        Assert.Contains("no Export.csv", body, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Root, body, StringComparison.Ordinal);
        Assert.DoesNotContain(".uploads", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_upload_names_its_file_not_the_servers_folder()
    {
        using var client = ApiClient("Bearer");
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent("not,an,export\n"u8.ToArray()), "files", "Export.csv" },
            { new ByteArrayContent("a,b\n1,2\n"u8.ToArray()), "files", "Client.csv" },
        };

        var body = await (await client.PostAsync(new Uri("/api/deliveries?source=homelessness", UriKind.Relative), content)).Content.ReadAsStringAsync();

        Assert.Contains("Export.csv", body, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Root, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_over_4_GiB_is_refused_with_413_before_it_is_read()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, app.BaseAddress.Port);
        var stream = socket.GetStream();
        var request = $"POST /api/deliveries?source=homelessness HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {app.Token}\r\n" +
            "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 5368709120\r\n\r\n--b\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var status = await reader.ReadLineAsync();
        var rest = await ReadUntilJsonEnds(reader);

        Assert.StartsWith("HTTP/1.1 413", status, StringComparison.Ordinal);
        Assert.Contains("larger than 4 GiB", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_tokens_beyond_ten_a_minute_get_429_and_are_audited_as_one_record()
    {
        app.Clock.Offset = TimeSpan.Zero;
        var before = Records().Count;
        var statuses = new List<HttpStatusCode>();
        using (var client = ApiClient("Bearer", "tst_not-a-real-token"))
        {
            for (var i = 0; i < 25; i++)
            {
                statuses.Add((await client.GetAsync(new Uri("/api/metrics/hmis-exit-to-permanent-housing/results", UriKind.Relative))).StatusCode);
            }
        }

        Assert.All(statuses.Take(FailureThrottle.PerMinute), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(FailureThrottle.PerMinute), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(FailureThrottle.PerMinute, Records().Count - before);

        app.Clock.Offset = TimeSpan.FromSeconds(61);
        app.Services.GetRequiredService<FailureThrottle>().Flush();

        var aggregate = Assert.Single(Records().Skip(before + FailureThrottle.PerMinute));
        Assert.Equal(AuditOutcome.Denied, aggregate.Event.Outcome);
        Assert.StartsWith("15 more failed attempts", aggregate.Event.Target, StringComparison.Ordinal);
        Assert.Contains("metrics API ×15", aggregate.Event.Target, StringComparison.Ordinal);
        app.Clock.Offset = TimeSpan.Zero;
    }

    [Fact]
    public async Task The_overview_names_no_server_path()
    {
        using var client = await app.SignedIn();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Workspace overview", html, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Root, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_bomb_in_the_inbox_is_not_counted()
    {
        using var client = await app.SignedIn();

        var html = await client.GetStringAsync(new Uri("/sources/bombs", UriKind.Relative));
        var csv = await client.GetStringAsync(new Uri("/sources/bombs?handler=Csv", UriKind.Relative));

        Assert.Contains("not counted: ", html, StringComparison.Ordinal);
        Assert.Contains("zip bomb limit", html, StringComparison.Ordinal);
        Assert.Contains("2024-01,export.zip,,", csv, StringComparison.Ordinal);
    }

    private HttpClient ApiClient(string scheme, string? token = null)
    {
        var client = app.NewClient(followRedirects: false);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{scheme} {token ?? app.Token}");
        return client;
    }

    private IReadOnlyList<AuditRecord> Records()
    {
        using var workspace = Workspace.Open(app.Folder);
        return workspace.Audit.Records();
    }

    private static async Task<string> ReadUntilJsonEnds(StreamReader reader)
    {
        var text = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            text.AppendLine(line);
            if (line.TrimEnd().EndsWith('}'))
            {
                break;
            }
        }

        return text.ToString();
    }
}
