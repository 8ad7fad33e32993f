using Tessera.Synthetic.Noise;
using Tessera.Synthetic.Output;
using Tessera.Synthetic.Population;
using Tessera.Synthetic.Randomness;

namespace Tessera.Synthetic.Sources;

/// <summary>
/// Child-care subsidy: authorisations per child under 13, with the parent on the case.
/// Children are recorded without SSNs; the parent's SSN is written with dashes.
/// </summary>
internal static class ChildCareSource
{
    private const string Name = SourceLayout.ChildCare;
    private const string DateFormat = "yyyy-MM-dd";
    /// <summary>The county's child-care providers: id and name.</summary>
    internal static readonly (string Id, string Name)[] CareProviders =
    [
        ("CC101", "Little Acorns Learning Center"), ("CC102", "Bright Horizons of Riverton"), ("CC103", "Sunshine Family Child Care"),
        ("CC104", "Kiddie Academy Fairview"), ("CC105", "Grandma's House Daycare"), ("CC106", "Millbrook Early Learning"),
        ("CC107", "Tiny Steps Child Development"), ("CC108", "Lakeside YMCA Child Care"),
    ];

    public static void Generate(Household household, ChunkContext ctx)
    {
        var rng = Rng.For(ctx.Options.Seed, Rng.Stream.ChildCare, household.Index);
        var youngChildren = household.Members.Where(m => m.Role == HouseholdRole.Child && m.AgeOn(ctx.Start) < 12).ToList();
        if (youngChildren.Count == 0)
        {
            return;
        }

        var p = 0.05 + (0.25 * household.Need) + (household.Head.Facts.OnBenefits ? 0.10 : 0);
        if (!rng.Chance(p))
        {
            return;
        }

        var parent = household.Members.FirstOrDefault(m => m.Role is HouseholdRole.Head or HouseholdRole.Partner && m.Sex == 'F') ?? household.Head;
        var start = rng.Day(ctx.Start.AddMonths(-6), ctx.End.AddMonths(-2));
        parent.Facts.SubsidyStart = start;
        var parentId = ctx.Ids.Make(IdKind.ChildCareParent, parent.Index, 0);
        var parentIdentity = ctx.Noise.Record(parent, start, rng, AgencyProfile.ChildCare);
        ctx.CountIdentity(Name, parentIdentity);
        var address = household.AddressOn(start);
        ctx.Sink.Row(Name, ctx.Delivery(start, rng), "parents.csv")
            .F(parentId).F(parentIdentity.Given).F(parentIdentity.Middle).F(parentIdentity.Family).Date(parentIdentity.BirthDate, DateFormat)
            .F(parentIdentity.DashedSsn).F(parent.Phone).F(address.Line(abbreviate: rng.Chance(0.5))).F(address.City).F(address.Zip).End();
        ctx.Truth.Record(Name, parentId, parent.PersonId);

        var sequence = 0;
        foreach (var child in youngChildren)
        {
            var childId = ctx.Ids.Make(IdKind.ChildCareChild, child.Index, 0);
            var identity = ctx.Noise.Record(child, start, rng, AgencyProfile.ChildCare);
            ctx.CountIdentity(Name, identity);
            ctx.Sink.Row(Name, ctx.Delivery(start, rng), "children.csv")
                .F(childId).F(identity.Given).F(identity.Family).Date(identity.BirthDate, DateFormat).F(child.Sex == 'F' ? "Female" : "Male").End();
            ctx.Truth.Record(Name, childId, child.PersonId);

            var provider = CareProviders[rng.Next(CareProviders.Length)];
            var from = start;
            var renewals = rng.Next(1, 5);
            for (var r = 0; r < renewals && from < ctx.End && sequence < 4096; r++)
            {
                var to = from.AddMonths(6).AddDays(-1);
                var authorizedOn = from.AddDays(-rng.Next(0, 20));
                ctx.Sink.Row(Name, ctx.Delivery(authorizedOn < ctx.Start ? ctx.Start : authorizedOn, rng), "authorizations.csv")
                    .F(ctx.Ids.Make(IdKind.ChildCareAuthorization, household.Index, sequence++)).F(childId).F(parentId)
                    .F(provider.Id).F(provider.Name).Date(from, DateFormat).Date(to, DateFormat)
                    .F(rng.Pick(Hours)).Money(20 + rng.Next(0, 150)).End();
                from = to.AddDays(1);
            }
        }

        ctx.Tally.Add("child_care.parents");
    }

    private static readonly int[] Hours = [20, 25, 30, 35, 40, 40, 45];
}
