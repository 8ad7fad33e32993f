using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tessera.Web.Tests;

/// <summary>Launches Debian's Chromium by path (TESSERA_CHROMIUM, default /usr/bin/chromium); skips without it unless CI is set.</summary>
internal static class Chromium
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("TESSERA_CHROMIUM") ?? "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") is null, $"CI is set but Chromium was not found at {ChromiumPath} (set TESSERA_CHROMIUM).");
            Skip.If(true, $"Chromium not found at {ChromiumPath}; set TESSERA_CHROMIUM to run browser tests.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return (playwright, browser);
    }

    /// <summary>Signs <paramref name="page"/> in as the demo user <paramref name="user"/> through the sign-in form.</summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, string user = "admin@demo")
    {
        await page.GotoAsync(new Uri(baseAddress, "/signin").ToString());
        var label = page.Locator("label.usa-radio__label", new PageLocatorOptions { HasText = $"({user})" });
        if (!await label.IsVisibleAsync())
        {
            await page.ClickAsync("#provider-users summary"); // a provider's staff user, under "Staff of another provider"
        }

        await label.ClickAsync(); // as a user would: USWDS hides the native radio
        await page.ClickAsync("form[action*=Demo] button[type=submit]");
        await Assertions.Expect(page.Locator("#signed-in-as")).ToContainTextAsync(user);
    }

    /// <summary>Runs axe-core on the page; fails listing every violation, prefixed with <paramref name="path"/>.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string path)
    {
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, path + ": " + string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes)")));
    }
}
