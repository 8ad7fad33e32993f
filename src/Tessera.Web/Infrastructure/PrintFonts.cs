using PdfSharp.Fonts;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// The fonts of printed documents: Source Sans Pro, the typeface of the site's pages, read from the
/// files USWDS ships (npm, copied into <c>wwwroot/lib</c> at build time). PDFsharp asks a font
/// resolver for font files on Linux, where it finds none by itself; documents embed what they use,
/// so a packet reads the same on any machine.
/// </summary>
public sealed class PrintFonts : IFontResolver
{
    /// <summary>The family name documents ask for.</summary>
    public const string Family = "Source Sans Pro";

    private static readonly Lock Gate = new();
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib", "uswds", "fonts", "source-sans-pro");

    /// <summary>Makes PDFsharp use these fonts (once per process: PDFsharp's setting is global).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PrintFonts)
            {
                GlobalFontSettings.FontResolver = new PrintFonts();
            }
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        (isBold, isItalic) switch
        {
            (true, true) => new FontResolverInfo("sourcesanspro-bolditalic"),
            (true, false) => new FontResolverInfo("sourcesanspro-bold"),
            (false, true) => new FontResolverInfo("sourcesanspro-italic"),
            _ => new FontResolverInfo("sourcesanspro-regular"),
        };

    /// <inheritdoc />
    /// <exception cref="FileNotFoundException">The font files were not built into the application (npm did not run).</exception>
    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Folder, faceName + "-webfont.ttf"));
}
