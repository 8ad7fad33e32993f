using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Sessions;

/// <summary>
/// Seals each web key before it is stored, with the workspace's secrets key (wrapped by the master
/// key): a copy of the operational store without the master key holds no usable cookie key.
/// </summary>
internal sealed class WebKeySealer(WorkspaceAccess workspaces) : IXmlEncryptor
{
    /// <summary>The purpose the keys are sealed under (bound into the ciphertext).</summary>
    public const string Purpose = "web keys";

    /// <summary>The element holding a sealed key.</summary>
    public const string Element = "sealedByWorkspace";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var workspace = workspaces.Current ?? throw new InvalidOperationException("The workspace is not initialised, so it cannot seal the web app's keys.");
        var sealedBytes = workspace.Keys.SealSecret(Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)), Purpose);
        return new EncryptedXmlInfo(new XElement(Element, Convert.ToBase64String(sealedBytes)), typeof(WebKeyOpener));
    }
}
