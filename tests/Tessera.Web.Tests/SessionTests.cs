using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Tessera.Web.Tests;

/// <summary>Sessions end after the idle limit, and after the absolute limit however active they are.</summary>
public sealed class SessionTests(SessionTests.ClockedApp app) : IClassFixture<SessionTests.ClockedApp>
{
    /// <summary>The app with a clock the test moves forward, a 20-minute idle limit and a 1-hour absolute limit.</summary>
    public sealed class ClockedApp : KestrelAppFactory
    {
        public ClockedApp()
        {
            using (Storage.Workspaces.Workspace.Create(Folder, null, "tester@test", DateTime.UtcNow))
            {
            }

            Start();
        }

        public MovableClock Clock { get; } = new();

        public override string Folder => Path.Combine(Root, "ws");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Tessera:Identity:IdleMinutes", "20");
            builder.UseSetting("Tessera:Identity:MaxHours", "1");
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    /// <summary>The system clock plus an offset the test sets.</summary>
    public sealed class MovableClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }

    [Fact]
    public async Task A_session_ends_after_twenty_idle_minutes()
    {
        app.Clock.Offset = TimeSpan.Zero;
        using var client = await app.SignedIn(followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/deliveries", UriKind.Relative))).StatusCode);

        app.Clock.Offset = TimeSpan.FromMinutes(21);

        var response = await client.GetAsync(new Uri("/deliveries", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_active_session_still_ends_at_the_absolute_limit()
    {
        app.Clock.Offset = TimeSpan.Zero;
        using var client = await app.SignedIn(followRedirects: false);
        for (var minutes = 15; minutes <= 45; minutes += 15)
        {
            app.Clock.Offset = TimeSpan.FromMinutes(minutes);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/deliveries", UriKind.Relative))).StatusCode);
        }

        app.Clock.Offset = TimeSpan.FromMinutes(61);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/deliveries", UriKind.Relative))).StatusCode);
    }
}
