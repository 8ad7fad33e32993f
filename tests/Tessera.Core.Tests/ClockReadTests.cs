using System.Text.RegularExpressions;

namespace Tessera.Core.Tests;

/// <summary>
/// No code reads the system clock directly: periods, due dates, payment windows and session limits
/// are tested with a moved clock, so time comes from an injected <see cref="TimeProvider"/>. The
/// system clock is named in exactly three places — the hosts' composition roots — and this test
/// says where any other read appears.
/// </summary>
public partial class ClockReadTests
{
    private static readonly HashSet<string> CompositionRoots = new(StringComparer.Ordinal)
    {
        "src/Tessera.Cli/Commands/WorkspaceOption.cs", // the command line's clock
        "src/Tessera.Web/TesseraWebApp.cs", // the web app's, registered for injection
        "src/Tessera.Storage/Workspaces/Workspace.cs", // a workspace opened without one
    };

    [Fact]
    public void The_system_clock_is_read_only_where_the_hosts_choose_their_clock()
    {
        var root = RepositoryRoot();
        var reads = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetRelativePath(root, file).Replace('\\', '/'), Line: i + 1, Text: line)))
            .Where(l => ClockRead().IsMatch(l.Text))
            .ToList();

        var elsewhere = reads.Where(r => !CompositionRoots.Contains(r.File)).Select(r => $"{r.File}:{r.Line}: {r.Text.Trim()}").ToList();
        Assert.True(elsewhere.Count == 0, "The system clock is read outside the composition roots; inject a TimeProvider instead:\n" + string.Join("\n", elsewhere));
        Assert.All(CompositionRoots, file => Assert.Single(reads, r => r.File == file));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Tessera.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Tessera.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(UtcNow|Now|Today)\b|\bTimeProvider\s*\.\s*System\b")]
    private static partial Regex ClockRead();
}
