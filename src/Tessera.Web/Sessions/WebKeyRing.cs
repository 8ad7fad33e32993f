using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Sessions;

/// <summary>
/// Where ASP.NET Core keeps the keys that protect session cookies and form tokens: the served
/// workspace's operational store (<see cref="Storage.Sessions.WebKeyStore"/>), each key sealed by
/// <see cref="WebKeySealer"/>. Not the default <c>~/.aspnet/DataProtection-Keys</c>, which every
/// server of the same user shares unencrypted: there a cookie signed in on a demo server opened a
/// production server on the same machine.
/// </summary>
internal sealed class WebKeyRing(WorkspaceAccess workspaces, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        Store().All().Select(xml => XElement.Parse(xml)).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        Store().Add(string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName, element.ToString(SaveOptions.DisableFormatting), clock.GetUtcNow().UtcDateTime);
    }

    private Storage.Sessions.WebKeyStore Store() =>
        (workspaces.Current ?? throw new InvalidOperationException("The workspace is not initialised, so it cannot keep the web app's keys.")).WebKeys;
}
