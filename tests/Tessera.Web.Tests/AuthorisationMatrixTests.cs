using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Governance.Audit;
using Tessera.Storage.Workspaces;
using Tessera.Governance.Access;

namespace Tessera.Web.Tests;

/// <summary>
/// The authorisation matrix: every endpoint of the app × every role × a row of the user's own
/// agency and of another, with the status each must get, run against the real app. The matrix is
/// data written out here, not derived from the policy, so a policy change shows up as a failing
/// cell; an endpoint missing from it fails the test.
/// </summary>
public sealed class AuthorisationMatrixTests(AuthorisationMatrixTests.Fixture app) : IClassFixture<AuthorisationMatrixTests.Fixture>
{
    /// <summary>Its own app: the matrix uploads deliveries, which other tests must not see.</summary>
    public sealed class Fixture : IDisposable
    {
        public IngestedAppFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    // Columns: anonymous, administrator, data partner (homelessness) on its own rows, the same on
    // another agency's rows, contract manager, analyst, provider staff, caseworker, finance officer.
    private static readonly string[] Users = ["", "admin@demo", "hmis-lead@demo", "hmis-lead@demo", "contracts@demo", "analyst@demo", "provider@demo", "caseworker@demo", "finance@demo"];
    private static readonly bool[] OtherRows = [false, false, false, true, false, false, false, false, false];

    private static readonly Dictionary<string, int[]> Matrix = new()
    {
        ["GET /"] = [302, 200, 200, 200, 200, 200, 403, 403, 403],
        ["GET /?handler=Csv"] = [401, 200, 200, 200, 200, 200, 403, 403, 403],
        ["GET /Index"] = [302, 200, 200, 200, 200, 200, 403, 403, 403],
        ["GET /Index?handler=Csv"] = [401, 200, 200, 200, 200, 200, 403, 403, 403],
        ["GET /Error/{code:int?}"] = [200, 200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /health"] = [200, 200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /signin"] = [200, 200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /signin?handler=Landing"] = [302, 302, 302, 302, 302, 302, 302, 302, 302],
        ["POST /signin?handler=Demo"] = [302, 302, 302, 302, 302, 302, 302, 302, 302],
        ["POST /signin?handler=Oidc"] = [404, 404, 404, 404, 404, 404, 404, 404, 404],
        ["GET /signout"] = [302, 302, 302, 302, 302, 302, 302, 302, 302],
        ["POST /signout"] = [302, 302, 302, 302, 302, 302, 302, 302, 302],
        ["GET /sources"] = [302, 200, 200, 200, 403, 403, 403, 403, 403],
        ["GET /sources?handler=Csv"] = [401, 200, 200, 200, 403, 403, 403, 403, 403],
        ["GET /sources/{name}"] = [302, 200, 200, 404, 403, 403, 403, 403, 403],
        ["GET /sources/{name}?handler=Csv"] = [401, 200, 200, 404, 403, 403, 403, 403, 403],
        ["GET /dictionaries"] = [200, 200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /dictionaries/{name}"] = [200, 200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /deliveries"] = [302, 200, 200, 200, 403, 200, 403, 403, 403],
        ["GET /deliveries?handler=Csv"] = [401, 200, 200, 200, 403, 200, 403, 403, 403],
        ["GET /deliveries/{id:long}"] = [302, 200, 200, 404, 403, 200, 403, 403, 403],
        ["GET /deliveries/{id:long}?handler=Json"] = [401, 200, 200, 404, 403, 200, 403, 403, 403],
        ["GET /deliveries/{id:long}?handler=Html"] = [401, 200, 200, 404, 403, 200, 403, 403, 403],
        ["GET /deliveries/{id:long}?handler=Csv"] = [401, 200, 200, 404, 403, 200, 403, 403, 403],
        ["GET /deliveries/{id:long}/quarantine"] = [302, 200, 200, 404, 403, 403, 403, 403, 403],
        ["GET /deliveries/{id:long}/quarantine?handler=Csv"] = [401, 200, 200, 404, 403, 403, 403, 403, 403],
        ["GET /deliveries/upload"] = [302, 200, 200, 200, 403, 403, 403, 403, 403],
        ["GET /metrics"] = [302, 200, 200, 200, 200, 200, 403, 403, 403],
        ["GET /metrics?handler=Csv"] = [401, 200, 200, 200, 200, 200, 403, 403, 403],
        ["GET /metrics/{id}"] = [302, 200, 200, 404, 200, 200, 403, 403, 403],
        ["GET /metrics/{id}?handler=Csv"] = [401, 200, 200, 404, 200, 200, 403, 403, 403],
        ["GET /metrics/{id}?handler=Members"] = [401, 200, 403, 403, 403, 403, 403, 403, 403],
        ["GET /reports/hud-spm"] = [302, 200, 200, 200, 403, 403, 403, 403, 403],
        ["GET /reports/hud-spm?handler=Csv"] = [401, 200, 200, 200, 403, 403, 403, 403, 403],
        ["GET /audit"] = [302, 200, 403, 403, 403, 403, 403, 403, 403],
        ["GET /audit?handler=Csv"] = [401, 200, 403, 403, 403, 403, 403, 403, 403],
        ["POST /deliveries/upload"] = [401, 200, 200, 403, 403, 403, 403, 403, 403],
        // Linkage: aggregates for administrators and analysts; the review queue is person-level.
        ["GET /linkage"] = [302, 200, 403, 403, 403, 200, 403, 403, 403],
        ["GET /linkage?handler=Csv"] = [401, 200, 403, 403, 403, 200, 403, 403, 403],
        ["GET /linkage?handler=ModelCsv"] = [401, 200, 403, 403, 403, 200, 403, 403, 403],
        ["GET /linkage?handler=BlockingCsv"] = [401, 200, 403, 403, 403, 200, 403, 403, 403],
        ["GET /linkage/review"] = [302, 200, 403, 403, 403, 403, 403, 403, 403],
        ["GET /linkage/review?handler=Csv"] = [401, 200, 403, 403, 403, 403, 403, 403, 403],
        ["GET /linkage/review/{item:long}"] = [302, 200, 403, 403, 403, 403, 403, 403, 403],
        // The matrix posts no decision: a bad request once past the policy.
        ["POST /linkage/review/{item:long}"] = [401, 400, 403, 403, 403, 403, 403, 403, 403],
        ["GET /linkage/persons/{person}"] = [302, 200, 403, 403, 403, 403, 403, 403, 403],
        ["GET /linkage/persons/{person}/timeline"] = [302, 200, 403, 403, 403, 403, 403, 403, 403],
        ["GET /linkage/persons/{person}/timeline?handler=Export"] = [401, 200, 403, 403, 403, 403, 403, 403, 403],
        ["POST /linkage/persons/{person}"] = [401, 400, 403, 403, 403, 403, 403, 403, 403],
        // Contracts: administrators, the purchasing agency's contract managers and the provider's staff.
        ["GET /contracts"] = [302, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /contracts?handler=Csv"] = [401, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /contracts/{contract}"] = [302, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /contracts/{contract}?handler=Csv"] = [401, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /contracts/{contract}/exhibit"] = [302, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /contracts/{contract}/exhibit?handler=Word"] = [401, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /contracts/new"] = [302, 200, 403, 403, 200, 403, 403, 403, 403],
        // The matrix posts no contract: a bad request once past the policy.
        ["POST /contracts/new"] = [401, 400, 403, 403, 400, 403, 403, 403, 403],
        ["GET /contracts/{contract}/terms"] = [302, 200, 403, 403, 200, 403, 403, 403, 403],
        // The matrix posts no terms: nothing to pay, a bad request once past the policy.
        ["POST /contracts/{contract}/terms"] = [401, 400, 403, 403, 400, 403, 403, 403, 403],
        ["GET /contracts/{contract}/target"] = [302, 200, 403, 403, 200, 403, 403, 403, 403],
        // The matrix posts no target: a bad request once past the policy.
        ["POST /contracts/{contract}/target"] = [401, 400, 403, 403, 400, 403, 403, 403, 403],
        ["GET /contracts/{contract}/payments"] = [302, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /contracts/{contract}/payments?handler=Csv"] = [401, 200, 403, 403, 200, 403, 200, 403, 200],
        // The matrix posts no period: a bad request once past the policy.
        ["POST /contracts/{contract}/payments"] = [401, 400, 403, 403, 400, 403, 403, 403, 403],
        ["GET /payments/what-if"] = [302, 200, 403, 403, 200, 403, 403, 403, 403],
        // The matrix posts no rate card: a bad request once past the policy.
        ["POST /payments/what-if"] = [401, 400, 403, 403, 400, 403, 403, 403, 403],
        ["POST /payments/what-if?handler=Csv"] = [401, 400, 403, 403, 400, 403, 403, 403, 403],
        // Provider staff see their own contracts' approved statements only; statement 1 is none of those.
        ["GET /payments/{statement:long}"] = [302, 200, 403, 403, 200, 403, 404, 403, 200],
        ["GET /payments/{statement:long}?handler=Csv"] = [401, 200, 403, 403, 200, 403, 404, 403, 200],
        ["GET /payments/{statement:long}?handler=Excel"] = [401, 200, 403, 403, 200, 403, 404, 403, 200],
        ["GET /payments/{statement:long}?handler=Evidence"] = [401, 200, 403, 403, 403, 403, 403, 403, 403],
        // The matrix posts no total: a bad request once past the policy, so nothing is approved.
        ["POST /payments/{statement:long}?handler=Approve"] = [401, 400, 403, 403, 403, 403, 403, 403, 400],
        ["GET /providers"] = [302, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /providers?handler=Csv"] = [401, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /providers/{provider}"] = [302, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /providers/{provider}/frontline"] = [302, 200, 403, 403, 200, 403, 200, 403, 403],
        ["GET /providers/{provider}/frontline?handler=Export"] = [401, 200, 403, 403, 200, 403, 200, 403, 403],
        // Providers send their own service data: provider staff (and administrators), their own provider's only.
        ["GET /providers/{provider}/services"] = [302, 200, 403, 403, 403, 403, 200, 403, 403],
        ["GET /providers/{provider}/services?handler=Export"] = [401, 200, 403, 403, 403, 403, 200, 403, 403],
        // The matrix posts no source providers deliver: a bad request once past the policy.
        ["POST /providers/{provider}/services"] = [401, 400, 403, 403, 403, 403, 400, 403, 403],
        // {id:long} is an agency's delivery, no provider's: "not found" once past the policy.
        ["GET /providers/{provider}/services/{id:long}"] = [302, 404, 403, 403, 403, 403, 404, 403, 403],
        ["GET /providers/{provider}/services/{id:long}?handler=Export"] = [401, 404, 403, 403, 403, 403, 404, 403, 403],
        ["GET /providers/{provider}/scorecard"] = [302, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /providers/{provider}/scorecard?handler=Export"] = [401, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /providers/{provider}/post-exit"] = [302, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /providers/{provider}/peers"] = [302, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /providers/{provider}/peers?handler=Export"] = [401, 200, 403, 403, 200, 403, 200, 403, 200],
        ["GET /providers/{provider}/post-exit?handler=Export"] = [401, 200, 403, 403, 200, 403, 200, 403, 200],
        // The delivery API takes service tokens only: a session cookie, whoever's, is not enough.
        ["POST /api/deliveries"] = [401, 401, 401, 401, 401, 401, 401, 401, 401],
        ["GET /api/metrics/{id}/results"] = [401, 401, 401, 401, 401, 401, 401, 401, 401],
        ["GET /api/contracts"] = [401, 401, 401, 401, 401, 401, 401, 401, 401],
        ["GET /api/contracts/{contract}"] = [401, 401, 401, 401, 401, 401, 401, 401, 401],
        ["GET /api/contracts/{contract}/performance"] = [401, 401, 401, 401, 401, 401, 401, 401, 401],
        ["GET /api/providers/{provider}/performance"] = [401, 401, 401, 401, 401, 401, 401, 401, 401],
        ["GET /api/providers/{provider}/post-exit"] = [401, 401, 401, 401, 401, 401, 401, 401, 401],
        ["GET /api/contracts/{contract}/statements"] = [401, 401, 401, 401, 401, 401, 401, 401, 401],
        ["POST /api/contracts/{contract}/statements"] = [401, 401, 401, 401, 401, 401, 401, 401, 401],
        ["GET /api/payments/{statement:long}"] = [401, 401, 401, 401, 401, 401, 401, 401, 401],
        ["POST /api/payments/{statement:long}/approval"] = [401, 401, 401, 401, 401, 401, 401, 401, 401],
        // Active contract management: managers run it, provider staff see their contracts' share, caseworkers only file reports.
        ["GET /acm"] = [302, 200, 403, 403, 200, 403, 200, 403, 403],
        ["POST /acm?handler=Schedule"] = [401, 400, 403, 403, 400, 403, 403, 403, 403],
        ["GET /acm/alerts"] = [302, 200, 403, 403, 200, 403, 200, 403, 403],
        ["GET /acm/alerts?handler=Export"] = [401, 200, 403, 403, 200, 403, 200, 403, 403],
        ["POST /acm/alerts?handler=Acknowledge"] = [401, 404, 403, 403, 404, 403, 403, 403, 403],
        ["POST /acm/alerts?handler=Close"] = [401, 404, 403, 403, 404, 403, 403, 403, 403],
        ["GET /acm/actions"] = [302, 200, 403, 403, 200, 403, 200, 403, 403],
        ["GET /acm/actions?handler=Export"] = [401, 200, 403, 403, 200, 403, 200, 403, 403],
        ["POST /acm/actions?handler=Add"] = [401, 400, 403, 403, 400, 403, 403, 403, 403],
        ["POST /acm/actions?handler=Close"] = [401, 404, 403, 403, 404, 403, 404, 403, 403],
        // {id:long} is a delivery's number here, no action item's: "not found" once past the policy.
        ["GET /acm/actions/{id:long}"] = [302, 404, 403, 403, 404, 403, 404, 403, 403],
        ["GET /acm/actions/{id:long}?handler=Export"] = [401, 404, 403, 403, 404, 403, 404, 403, 403],
        ["POST /acm/actions/{id:long}?handler=Comment"] = [401, 404, 403, 403, 404, 403, 404, 403, 403],
        ["POST /acm/actions/{id:long}?handler=Close"] = [401, 404, 403, 403, 404, 403, 404, 403, 403],
        ["GET /acm/meetings/{id:long}"] = [302, 404, 403, 403, 404, 403, 404, 403, 403],
        ["POST /acm/meetings/{id:long}?handler=Record"] = [401, 404, 403, 403, 404, 403, 403, 403, 403],
        ["POST /acm/meetings/{id:long}?handler=Note"] = [401, 404, 403, 403, 404, 403, 403, 403, 403],
        ["POST /acm/meetings/{id:long}?handler=Item"] = [401, 404, 403, 403, 404, 403, 403, 403, 403],
        ["GET /acm/meetings/{id:long}/packet"] = [302, 404, 403, 403, 404, 403, 404, 403, 403],
        ["GET /acm/meetings/{id:long}/packet?handler=Pdf"] = [401, 404, 403, 403, 404, 403, 404, 403, 403],
        ["GET /acm/roadmap/{program}"] = [302, 200, 403, 403, 200, 403, 404, 403, 403],
        ["POST /acm/roadmap/{program}"] = [401, 400, 403, 403, 400, 403, 403, 403, 403],
        ["GET /acm/dashboards/programs/{program}"] = [302, 200, 403, 403, 200, 403, 404, 403, 403],
        ["GET /acm/dashboards/programs/{program}?handler=Export"] = [401, 200, 403, 403, 200, 403, 404, 403, 403],
        ["GET /acm/dashboards/contracts/{contract}"] = [302, 200, 403, 403, 200, 403, 200, 403, 403],
        ["GET /acm/dashboards/contracts/{contract}?handler=Export"] = [401, 200, 403, 403, 200, 403, 200, 403, 403],
        ["GET /acm/dashboards/contracts/{contract}/equity"] = [302, 200, 403, 403, 200, 403, 200, 403, 403],
        ["GET /acm/dashboards/contracts/{contract}/equity?handler=Export"] = [401, 200, 403, 403, 200, 403, 200, 403, 403],
        ["GET /acm/portfolio"] = [302, 200, 403, 403, 200, 403, 403, 403, 403],
        ["GET /acm/portfolio?handler=Export"] = [401, 200, 403, 403, 200, 403, 403, 403, 403],
        ["GET /acm/case-review"] = [302, 200, 403, 403, 200, 403, 403, 403, 403],
        ["GET /acm/case-review?handler=Csv"] = [401, 400, 403, 403, 400, 403, 403, 403, 403],
        ["GET /metrics/queue"] = [302, 200, 200, 200, 200, 200, 403, 403, 403],
        ["GET /metrics/queue?handler=Table"] = [401, 200, 200, 200, 200, 200, 403, 403, 403],
        ["POST /metrics/queue"] = [401, 302, 403, 403, 403, 403, 403, 403, 403],
        ["GET /frontline/new"] = [302, 200, 403, 403, 200, 403, 403, 200, 403],
        ["POST /frontline/new"] = [401, 400, 403, 403, 400, 403, 403, 400, 403],
        ["GET /frontline"] = [302, 200, 403, 403, 200, 403, 403, 403, 403],
        ["GET /frontline?handler=Export"] = [401, 200, 403, 403, 200, 403, 403, 403, 403],
        ["POST /frontline?handler=Convert"] = [401, 404, 403, 403, 404, 403, 403, 403, 403],
        ["GET /api/acm/alerts"] = [401, 401, 401, 401, 401, 401, 401, 401, 401],
        ["GET /api/acm/action-items"] = [401, 401, 401, 401, 401, 401, 401, 401, 401],
        // Agreements: administrators all, data partners their sources', analysts their licences; {id} names no agreement here.
        ["GET /agreements"] = [302, 200, 200, 200, 403, 200, 403, 403, 403],
        ["GET /agreements?handler=Export"] = [401, 200, 200, 200, 403, 200, 403, 403, 403],
        ["GET /agreements/new"] = [302, 200, 403, 403, 403, 403, 403, 403, 403],
        ["POST /agreements/new"] = [401, 400, 403, 403, 403, 403, 403, 403, 403],
        ["GET /agreements/{id}"] = [302, 404, 404, 404, 403, 404, 403, 403, 403],
        ["POST /agreements/{id}?handler=Approve"] = [401, 404, 404, 404, 403, 403, 403, 403, 403],
        ["POST /agreements/{id}?handler=Consult"] = [401, 404, 403, 403, 403, 403, 403, 403, 403],
        ["POST /agreements/{id}?handler=Revoke"] = [401, 404, 403, 403, 403, 403, 403, 403, 403],
        // Releases: licensees and administrators; {id:long} is a delivery's number here, no release's.
        ["GET /releases"] = [302, 200, 403, 403, 403, 200, 403, 403, 403],
        ["GET /releases?handler=Export"] = [401, 200, 403, 403, 403, 200, 403, 403, 403],
        ["POST /releases?handler=Build"] = [401, 400, 403, 403, 403, 400, 403, 403, 403],
        ["GET /releases/{id:long}"] = [302, 404, 403, 403, 403, 404, 403, 403, 403],
        ["GET /releases/{id:long}?handler=Download"] = [401, 404, 403, 403, 403, 404, 403, 403, 403],
        // Evaluations: administrators, and analysts (whose licence each evaluation checks); the empty forms are refused as incomplete.
        ["GET /evaluations"] = [302, 200, 403, 403, 403, 200, 403, 403, 403],
        ["GET /evaluations?handler=Export"] = [401, 200, 403, 403, 403, 200, 403, 403, 403],
        ["POST /evaluations?handler=DoseResponse"] = [401, 400, 403, 403, 403, 400, 403, 403, 403],
        ["POST /evaluations?handler=Compare"] = [401, 400, 403, 403, 403, 400, 403, 403, 403],
        ["POST /evaluations?handler=Disparity"] = [401, 400, 403, 403, 403, 400, 403, 403, 403],
        ["POST /evaluations?handler=Rdd"] = [401, 400, 403, 403, 403, 400, 403, 403, 403],
        ["POST /evaluations?handler=BeforeAfter"] = [401, 400, 403, 403, 403, 400, 403, 403, 403],
        ["GET /evaluations/{id:long}"] = [302, 404, 403, 403, 403, 404, 403, 403, 403],
        ["GET /evaluations/{id:long}?handler=Export"] = [401, 404, 403, 403, 403, 404, 403, 403, 403],
        ["GET /evaluations/{id:long}?handler=Record"] = [401, 404, 403, 403, 403, 404, 403, 403, 403],
        // Planning: contract managers their own agency's (assessment 1 is the homelessness agency's), analysts read; the form posted lacks every field.
        ["GET /plan"] = [302, 200, 403, 403, 200, 200, 403, 403, 403],
        ["GET /plan?handler=Export"] = [401, 200, 403, 403, 200, 200, 403, 403, 403],
        ["POST /plan?handler=New"] = [401, 400, 403, 403, 403, 403, 403, 403, 403],
        ["GET /plan/assessments/{assessment:long}"] = [302, 200, 403, 403, 404, 200, 403, 403, 403],
        ["GET /plan/assessments/{assessment:long}?handler=Export"] = [401, 200, 403, 403, 404, 200, 403, 403, 403],
        ["GET /plan/assessments/{assessment:long}?handler=Word"] = [401, 200, 403, 403, 404, 200, 403, 403, 403],
        ["POST /plan/assessments/{assessment:long}?handler=Participant"] = [401, 400, 403, 403, 404, 403, 403, 403, 403],
        ["POST /plan/assessments/{assessment:long}?handler=Session"] = [401, 400, 403, 403, 404, 403, 403, 403, 403],
        ["POST /plan/assessments/{assessment:long}?handler=Answer"] = [401, 400, 403, 403, 404, 403, 403, 403, 403],
        ["POST /plan/assessments/{assessment:long}?handler=Agree"] = [401, 400, 403, 403, 404, 403, 403, 403, 403],
        ["GET /plan/assessments/{assessment:long}/inventory"] = [302, 200, 403, 403, 404, 200, 403, 403, 403],
        ["GET /plan/assessments/{assessment:long}/inventory?handler=Export"] = [401, 200, 403, 403, 404, 200, 403, 403, 403],
        ["POST /plan/assessments/{assessment:long}/inventory?handler=Weights"] = [401, 302, 403, 403, 404, 403, 403, 403, 403],
        ["POST /plan/assessments/{assessment:long}/inventory?handler=Item"] = [401, 400, 403, 403, 404, 403, 403, 403, 403],
        ["POST /plan/assessments/{assessment:long}/inventory?handler=Remove"] = [401, 400, 403, 403, 404, 403, 403, 403, 403],
        ["GET /plan/overlap"] = [302, 200, 403, 403, 200, 200, 403, 403, 403],
        ["GET /plan/overlap?handler=Export"] = [401, 200, 403, 403, 200, 200, 403, 403, 403],
        ["GET /plan/overlap/years"] = [302, 200, 403, 403, 200, 200, 403, 403, 403],
        ["GET /plan/overlap/years?handler=Export"] = [401, 200, 403, 403, 200, 200, 403, 403, 403],
        ["GET /plan/overlap/groups"] = [302, 200, 403, 403, 200, 200, 403, 403, 403],
        ["GET /plan/overlap/groups?handler=Export"] = [401, 200, 403, 403, 200, 200, 403, 403, 403],
        ["GET /plan/utilisation"] = [302, 200, 403, 403, 200, 200, 403, 403, 403],
        ["GET /plan/utilisation?handler=Export"] = [401, 200, 403, 403, 200, 200, 403, 403, 403],
        // The public transparency page: anyone, signed in or not.
        ["GET /transparency"] = [200, 200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /transparency?handler=Export"] = [200, 200, 200, 200, 200, 200, 200, 200, 200],
        // The APIs' description: what the endpoints take and answer, no data.
        ["GET /openapi/{documentName}.json"] = [200, 200, 200, 200, 200, 200, 200, 200, 200],
    };

    [Fact]
    public void Every_endpoint_of_the_app_has_a_row_in_the_matrix()
    {
        var endpoints = Endpoints().ToHashSet(StringComparer.Ordinal);
        Assert.True(endpoints.SetEquals(Matrix.Keys), $"without a row: {string.Join(", ", endpoints.Except(Matrix.Keys))}; rows without an endpoint: {string.Join(", ", Matrix.Keys.Except(endpoints))}");
    }

    [Fact]
    public async Task Every_cell_of_the_matrix_holds_against_the_running_app()
    {
        var failures = new List<string>();
        for (var column = 0; column < Users.Length; column++)
        {
            using var client = await ClientFor(column);
            foreach (var (endpoint, expected) in Matrix)
            {
                int status;
                if (endpoint is "POST /signout" or "POST /signin?handler=Demo")
                {
                    // These change the session, so they get a session of their own.
                    using var own = await ClientFor(column);
                    status = await Request(own, endpoint, OtherRows[column]);
                }
                else
                {
                    status = await Request(client, endpoint, OtherRows[column]);
                }

                if (status != expected[column])
                {
                    failures.Add($"{endpoint} as {(Users[column].Length == 0 ? "anonymous" : Users[column])}{(OtherRows[column] ? " (other agency's rows)" : "")}: {status}, expected {expected[column]}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/deliveries/{clinic}/quarantine?handler=Csv")]
    [InlineData("/metrics/hmis-exit-to-permanent-housing?handler=Members&period=2024-01-01")]
    [InlineData("/audit?handler=Csv")]
    [InlineData("/linkage/review?handler=Csv")]
    [InlineData("/payments/1?handler=Evidence")]
    public async Task Person_level_downloads_are_never_cached(string path)
    {
        using var client = await app.App.SignedIn(followRedirects: false);

        var response = await client.GetAsync(new Uri(path.Replace("{clinic}", app.App.ClinicDelivery.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control is '{response.Headers.CacheControl}'");
    }

    [Theory]
    [InlineData("contracts@demo", "/contracts/FP01-2024")]
    [InlineData("contracts@demo", "/contracts/FP01-2024?handler=Csv")]
    [InlineData("contracts@demo", "/contracts/FP01-2024/exhibit")]
    [InlineData("contracts@demo", "/contracts/FP01-2024/exhibit?handler=Word")]
    [InlineData("contracts@demo", "/contracts/FP09-2024")]
    [InlineData("contracts@demo", "/contracts/FP01-2024/target")]
    [InlineData("contracts@demo", "/contracts/FP01-2024/payments")]
    [InlineData("contracts@demo", "/contracts/FP01-2024/terms")]
    [InlineData("finance@demo", "/contracts/FP01-2024/payments?handler=Csv")]
    [InlineData("contracts@demo", "/payments/2")]
    [InlineData("finance@demo", "/payments/2?handler=Excel")]
    [InlineData("finance@demo", "/payments/3")]
    [InlineData("provider@demo", "/contracts/FP01-2024")]
    [InlineData("provider@demo", "/contracts/FP01-2024?handler=Csv")]
    [InlineData("provider@demo", "/contracts/FP01-2024/exhibit?handler=Word")]
    [InlineData("provider@demo", "/providers/FP01/scorecard")]
    [InlineData("provider@demo", "/providers/NOBODY/scorecard")]
    [InlineData("provider@demo", "/providers/FP01/post-exit")]
    [InlineData("provider@demo", "/providers/FP01/post-exit?handler=Export&format=csv")]
    [InlineData("provider@demo", "/providers/NOBODY/post-exit")]
    [InlineData("provider@demo", "/providers/FP01/peers")]
    [InlineData("provider@demo", "/providers/WF02/peers?handler=Export&format=csv")]
    public async Task Another_agencys_or_providers_contract_is_not_found_by_any_path(string user, string path)
    {
        using var client = await app.App.SignedIn(user, followRedirects: false);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("FP01-2024", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var listed = await (await client.GetAsync(new Uri("/contracts?handler=Csv", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("WF01-2024", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("FP01-2024", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_partner_opening_another_agencys_quarantine_is_refused_and_on_record()
    {
        using var client = await app.App.SignedIn("hmis-lead@demo", followRedirects: false);
        var other = Delivery("benefits");

        var response = await client.GetAsync(new Uri($"/deliveries/{other}/quarantine", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var workspace = Workspace.Open(app.App.Folder);
        Assert.Contains(workspace.Audit.Records(), r => r.Event.Actor == "hmis-lead@demo" && r.Event.Outcome == AuditOutcome.Denied && r.Event.Target == $"quarantine of delivery {other}");
        Assert.True(workspace.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task A_service_token_delivers_to_its_own_source_only_and_stops_when_revoked()
    {
        string token;
        using (var workspace = Workspace.Open(app.App.Folder))
        {
            token = workspace.ServiceAccounts.Create("hmis-nightly", Role.DataPartner, AccessScope.OfSources(["homelessness"]), "admin@test", DateTime.UtcNow);
        }

        using var client = app.App.NewClient(followRedirects: false);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var month = Directory.GetDirectories(Path.Combine(app.App.Folder, "incoming", "homelessness")).Order(StringComparer.Ordinal).Last();

        var own = await Deliver(client, "homelessness", month);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("\"status\":\"duplicate\"", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the fixture ingested that month already
        Assert.Equal(HttpStatusCode.Forbidden, (await Deliver(client, "benefits", month)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/deliveries/upload", UriKind.Relative))).StatusCode); // a token opens no page

        using (var workspace = Workspace.Open(app.App.Folder))
        {
            workspace.ServiceAccounts.Revoke("hmis-nightly", "admin@test", DateTime.UtcNow);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Deliver(client, "homelessness", month)).StatusCode);
        using (var workspace = Workspace.Open(app.App.Folder))
        {
            var records = workspace.Audit.Records();
            Assert.Contains(records, r => r.Event.Actor == "service:hmis-nightly" && r.Event.Action == AuditAction.Ingest && r.Event.Outcome == AuditOutcome.Allowed);
            Assert.Contains(records, r => r.Event.Actor == "service:hmis-nightly" && r.Event.Target == "delivery to benefits" && r.Event.Outcome == AuditOutcome.Denied);
            Assert.Contains(records, r => r.Event.Target == "delivery API" && r.Event.Outcome == AuditOutcome.Denied);
            Assert.DoesNotContain(records, r => r.Event.ToString().Contains(token, StringComparison.Ordinal));
        }
    }

    private static async Task<HttpResponseMessage> Deliver(HttpClient client, string source, string folder)
    {
        using var content = new MultipartFormDataContent();
        foreach (var file in Directory.GetFiles(folder))
        {
            content.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file)), "files", Path.GetFileName(file));
        }

        return await client.PostAsync(new Uri($"/api/deliveries?source={source}", UriKind.Relative), content);
    }

    private Task<HttpClient> ClientFor(int column) =>
        Users[column].Length == 0 ? Task.FromResult(app.App.NewClient(followRedirects: false)) : app.App.SignedIn(Users[column], followRedirects: false);

    private async Task<int> Request(HttpClient client, string endpoint, bool otherRows)
    {
        var source = otherRows ? "benefits" : "homelessness";
        var space = endpoint.IndexOf(' ', StringComparison.Ordinal);
        var method = endpoint[..space];
        var path = endpoint[(space + 1)..].Replace("{name}", source, StringComparison.Ordinal).Replace("{code:int?}", "404", StringComparison.Ordinal).Replace("{id:long}", Delivery(source).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{item:long}", "1", StringComparison.Ordinal).Replace("{person}", FirstPerson(), StringComparison.Ordinal).Replace("{contract}", "WF01-2024", StringComparison.Ordinal).Replace("{provider}", "WF01", StringComparison.Ordinal).Replace("{program}", "job-training", StringComparison.Ordinal).Replace("{documentName}", "v1", StringComparison.Ordinal).Replace("{statement:long}", "1", StringComparison.Ordinal).Replace("{assessment:long}", "1", StringComparison.Ordinal)
            .Replace("{id}", otherRows ? "acm-referral-to-enrolment" : "hmis-exit-to-permanent-housing", StringComparison.Ordinal) + (endpoint.EndsWith("Members", StringComparison.Ordinal) ? "&period=2024-01-01" : "");
        if (method == "GET")
        {
            return (int)(await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode;
        }

        var token = await KestrelAppFactory.AntiForgeryToken(client, "/signin");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(source), "Source" },
            { new StringContent("admin@demo"), "UserName" },
            { new StringContent("operations"), "Purpose" },
            { new ByteArrayContent("not,an,export\n"u8.ToArray()), "files", "Client.csv" },
        };
        return (int)(await client.PostAsync(new Uri(path, UriKind.Relative), content)).StatusCode;
    }

    private string FirstPerson()
    {
        using var workspace = Workspace.Open(app.App.Folder);
        return new Tessera.Storage.Linking.PersonIndex(workspace.Vault).Records()[0].PersonId;
    }

    private long Delivery(string source)
    {
        using var workspace = Workspace.Open(app.App.Folder);
        return workspace.Vault.Deliveries(source).First(d => d.Status == "current").Id;
    }

    private IEnumerable<string> Endpoints()
    {
        var loader = app.App.Services.GetRequiredService<PageLoader>();
        foreach (var endpoint in app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText?.Trim('/'); // a group's own path ("/api/contracts" + "") is written without the slash
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                {
                    yield return method + " " + route;
                }

                continue;
            }

            var compiled = loader.LoadAsync(page, endpoint.Metadata).GetAwaiter().GetResult();
            if (compiled.HandlerMethods.Count == 0)
            {
                yield return "GET " + route;
            }

            foreach (var handler in compiled.HandlerMethods)
            {
                yield return $"{handler.HttpMethod.ToUpperInvariant()} {route}{(handler.Name is null ? "" : "?handler=" + handler.Name)}";
            }
        }
    }
}
