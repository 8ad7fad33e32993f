using Tessera.Storage.Agreements;

namespace Tessera.Storage.Transparency;

/// <summary>
/// A project with an active data use licence, as the public transparency page tells it: who uses
/// whose data, what for, at what level, until when, and who approved it.
/// </summary>
/// <param name="Licence">The data use licence's id.</param>
/// <param name="Project">The project.</param>
/// <param name="Licensee">Who uses the data.</param>
/// <param name="Purpose">Why, in plain language.</param>
/// <param name="Questions">The research questions.</param>
/// <param name="Level">"de-identified" or "limited data set".</param>
/// <param name="Data">Each source used: its name, what it is, and the files.</param>
/// <param name="Start">First day of use.</param>
/// <param name="End">Last day of use.</param>
/// <param name="DestroyOn">When the licensee destroys the data, if set.</param>
/// <param name="Approvals">Who approved it, and when.</param>
/// <param name="ConsultedOn">When the community advisory team was consulted, if it was.</param>
public sealed record PublicProject(
    string Licence, string Project, string Licensee, string Purpose, IReadOnlyList<string> Questions, string Level, IReadOnlyList<PublicDataUse> Data,
    DateOnly Start, DateOnly End, DateOnly? DestroyOn, IReadOnlyList<AgreementApproval> Approvals, DateOnly? ConsultedOn);

/// <summary>One source a project uses: its name, what it is in the agency's words, and which of its files.</summary>
public sealed record PublicDataUse(string Source, string Title, string Agency, IReadOnlyList<string> Files);
