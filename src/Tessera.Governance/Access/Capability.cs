namespace Tessera.Governance.Access;

/// <summary>Everything a page, endpoint, export or command can do that the policy decides on.</summary>
public enum Capability
{
    /// <summary>Reference material: data dictionaries and the glossary.</summary>
    ReadReference,

    /// <summary>The overview of sources and what they delivered (files and sizes, no rows).</summary>
    ViewOverview,

    /// <summary>The incoming files of a source, by month.</summary>
    ViewInbox,

    /// <summary>The list of deliveries with their status and counts.</summary>
    ListDeliveries,

    /// <summary>A delivery's data-quality profile (aggregate counts).</summary>
    ViewDeliveryQuality,

    /// <summary>A delivery's quarantined rows: person-level.</summary>
    ViewQuarantine,

    /// <summary>Sending a delivery.</summary>
    Deliver,

    /// <summary>How linkage went: run counts, the trained model, blocking, distributions (aggregates, no persons).</summary>
    ViewLinkage,

    /// <summary>Running linkage over the workspace: reads every source's identifiers.</summary>
    LinkRecords,

    /// <summary>Clerical review of uncertain pairs: side-by-side identifiers, decisions, splits. Person-level.</summary>
    ReviewLinks,

    /// <summary>HUD's reports (SPM) over an HMIS source: exact figures by design, as they go to HUD.</summary>
    RunHudReports,

    /// <summary>Metric results, with small cells suppressed; the metric catalogue.</summary>
    ViewMetrics,

    /// <summary>Computing metrics over the workspace's person-level data.</summary>
    ComputeMetrics,

    /// <summary>Exact metric figures and the pseudonymous persons behind a number. Person-level.</summary>
    ViewMetricPersons,

    /// <summary>The audit log.</summary>
    ReadAudit,

    /// <summary>Changing the workspace: sources, keys, service accounts.</summary>
    Configure,

    /// <summary>The provider registry and contracts: who is contracted for what, targets, performance (within the role's scope).</summary>
    ViewContracts,

    /// <summary>Changing the provider registry and contracts: imports, forms, targets.</summary>
    ManageContracts,

    /// <summary>Payment statements of the contracts the role sees: lines, totals, exports.</summary>
    ViewPayments,

    /// <summary>Preparing a payment statement (a payment run) for a contract and period.</summary>
    PreparePayments,

    /// <summary>Approving a statement someone else prepared, which locks it (two-person rule).</summary>
    ApprovePayments,

    /// <summary>Active contract management of the contracts the role sees: alerts, meetings and their agendas, action items, roadmaps.</summary>
    ViewManagement,

    /// <summary>Running active contract management: acknowledging and closing alerts, meetings, minutes, action items, roadmaps.</summary>
    RunManagement,

    /// <summary>Sending a provider's own service records (attendance, sessions, contacts) to a source providers deliver, and reading what became of them — its own provider's only.</summary>
    DeliverServiceData,

    /// <summary>Reporting progress on the action items of the contracts the role sees: comments, and closing an item with its lesson.</summary>
    UpdateActionItems,

    /// <summary>Drawing a case-file review sample: the pseudonymous persons behind a contract's good and poor outcomes. Person-level.</summary>
    ReviewCaseFiles,

    /// <summary>Filing a frontline report on a provider (no client identifiers).</summary>
    FileFrontlineReport,

    /// <summary>Reading frontline reports and their trends by provider and category, and turning them into action items.</summary>
    ViewFrontlineReports,

    /// <summary>Reading the agreements (eMOU, data sharing agreements, data use licences) and where each stands.</summary>
    ViewAgreements,

    /// <summary>Recording agreements, the community advisory team's consultations, and revoking agreements.</summary>
    ManageAgreements,

    /// <summary>Approving an agreement as a party to it: a data partner as its own source; administrators also for the review body.</summary>
    ApproveAgreements,

    /// <summary>Building and downloading a de-identified or limited data set under a data use licence: the licensee (an analyst with the licence active) or an administrator.</summary>
    BuildReleases,

    /// <summary>Publishing differentially private results on the public transparency page, spending the data set's privacy budget.</summary>
    PublishPrivateResults,

    /// <summary>Running evaluations (dose-response, disparities, regression discontinuity, before and after) over person-level data: an analyst with an active data use licence covering the sources, or an administrator.</summary>
    RunEvaluations,

    /// <summary>Reading a person's or a family's timeline across agencies: every event their linked records hold. Person-level; administrators only.</summary>
    ViewTimelines,

    /// <summary>Planning: the rapid assessments, the contract inventory and its short list, and the service overlap (aggregates, small cells suppressed) — an agency's own for contract managers.</summary>
    ViewPlanning,

    /// <summary>Running a rapid assessment and the prioritisation: sessions, participants, answers, the agreed levels, inventory items, weights, promotion to a draft contract.</summary>
    RunPlanning,
}
