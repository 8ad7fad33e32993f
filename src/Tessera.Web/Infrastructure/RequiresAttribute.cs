using Tessera.Governance.Access;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// The capability a page needs; <see cref="AccessPageFilter"/> refuses the page to users whose
/// role lacks it. Every page carries this or <see cref="OpenToAllAttribute"/> — a page with
/// neither is refused to everyone (fail closed). A handler may carry one too, for what it does
/// beyond the page (the persons behind a figure on a page of aggregates): it needs both.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class RequiresAttribute(Capability capability) : Attribute
{
    /// <summary>The capability.</summary>
    public Capability Capability { get; } = capability;
}

/// <summary>A page anyone may open, signed in or not (sign-in, errors).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OpenToAllAttribute : Attribute
{
}
