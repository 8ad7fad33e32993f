using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Tessera.Web.Tests;

public sealed partial class DeliveryPagesTests(IngestedAppFactory app) : IClassFixture<IngestedAppFactory>
{
    [Fact]
    public async Task Deliveries_lists_every_ingested_delivery_with_its_status()
    {
        using var client = await app.SignedIn();
        var html = await client.GetStringAsync("/deliveries");

        Assert.Contains("benefits", html, StringComparison.Ordinal);
        Assert.Contains("homelessness", html, StringComparison.Ordinal);
        Assert.Contains("tessera-status-current", html, StringComparison.Ordinal);
        var csv = await client.GetStringAsync("/deliveries?handler=Csv");
        Assert.StartsWith("delivery,source,period,status", csv, StringComparison.Ordinal);
        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 7);
    }

    [Fact]
    public async Task A_delivery_shows_its_quality_profile_with_a_chart_and_downloads()
    {
        using var client = await app.SignedIn();
        var html = await client.GetStringAsync("/deliveries/1");

        Assert.Contains("data-chart=\"bar\"", html, StringComparison.Ordinal);
        Assert.Contains("completeness and validity by field", html, StringComparison.Ordinal);
        Assert.Contains("<!DOCTYPE html>", await client.GetStringAsync("/deliveries/1?handler=Html"), StringComparison.Ordinal);
        Assert.Contains("\"rows_read\"", await client.GetStringAsync("/deliveries/1?handler=Json"), StringComparison.Ordinal);
        Assert.StartsWith("file,field,rows", await client.GetStringAsync("/deliveries/1?handler=Csv"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/deliveries/99999")).StatusCode);
    }

    [Fact]
    public async Task Quarantined_identifiers_are_masked_and_exported_values_cannot_run_as_formulas()
    {
        using var client = await app.SignedIn();
        var html = await client.GetStringAsync($"/deliveries/{app.ClinicDelivery}/quarantine");

        Assert.Contains("identifier hidden", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1972-13-23", html, StringComparison.Ordinal);
        var csv = await client.GetStringAsync($"/deliveries/{app.ClinicDelivery}/quarantine?handler=Csv");
        Assert.Contains("'=cmd|", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=cmd", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("1972-13-23", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dictionaries_are_browsable_with_the_glossary()
    {
        using var client = await app.SignedIn();
        var index = await client.GetStringAsync("/dictionaries");
        Assert.Contains("Limited data set", index, StringComparison.Ordinal);
        Assert.Contains("De-identified data set", index, StringComparison.Ordinal);
        Assert.Contains("hmis-fy2022", index, StringComparison.Ordinal);

        var benefits = await client.GetStringAsync("/dictionaries/benefits");
        Assert.Contains("Direct identifier (encrypted)", benefits, StringComparison.Ordinal);
        Assert.Contains("members", benefits, StringComparison.Ordinal);
        var hmis = await client.GetStringAsync("/dictionaries/hmis-fy2024");
        Assert.Contains("HispanicLatinaeo", hmis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_uploaded_through_the_browser_form_is_ingested()
    {
        using var client = await app.SignedIn();
        var form = await client.GetStringAsync("/deliveries/upload");
        var token = Token().Match(form).Groups[1].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("clinic"), "Source" },
            { new StringContent("2024-07"), "Period" },
            { new ByteArrayContent("patient_id,first_name,dob,sex\nP9,Mary,1990-01-02,F\n"u8.ToArray()), "files", "patients.csv" },
        };
        var response = await client.PostAsync("/deliveries/upload", content);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-outcome=\"accepted\"", html, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(Path.Combine(app.Folder, ".uploads")));
    }

    [Fact]
    public async Task An_upload_without_the_anti_forgery_token_is_refused()
    {
        using var client = await app.SignedIn();
        using var content = new MultipartFormDataContent { { new StringContent("clinic"), "Source" } };
        var response = await client.PostAsync("/deliveries/upload", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_CLI_ingests_into_the_workspace_while_the_app_is_serving()
    {
        var month = Path.Combine(app.Folder, "incoming", "child_care", Directory.GetDirectories(Path.Combine(app.Folder, "incoming", "child_care")).Select(Path.GetFileName).Order(StringComparer.Ordinal).First()!);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "tessera.dll"), "ingest", "--workspace", app.Folder, "--source", "child_care", month, "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var client = await app.SignedIn();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        while (!process.HasExited)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/deliveries")).StatusCode);
        }

        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains("\"status\":\"accepted\"", await output, StringComparison.Ordinal);
        Assert.Contains("child_care", await client.GetStringAsync("/deliveries"), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
