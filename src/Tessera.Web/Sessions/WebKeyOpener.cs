using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Sessions;

/// <summary>Opens a web key sealed by <see cref="WebKeySealer"/>; created by ASP.NET Core from the key's XML, hence public.</summary>
public sealed class WebKeyOpener(IServiceProvider services) : IXmlDecryptor
{
    /// <inheritdoc />
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var workspace = services.GetRequiredService<WorkspaceAccess>().Current
            ?? throw new InvalidOperationException("The workspace is not initialised, so the web app's keys cannot be opened.");
        return XElement.Parse(Encoding.UTF8.GetString(workspace.Keys.OpenSecret(Convert.FromBase64String(encryptedElement.Value), WebKeySealer.Purpose)));
    }
}
