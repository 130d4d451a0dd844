using System.Text;

namespace DirectusSync.Upgrade.Licensing;

/// <summary>The configuration checked against the Core limits of the target version.</summary>
/// <param name="Findings">The limits exceeded (none: the upgrade loses nothing to the licence).</param>
public sealed record LicenceAssessment(IReadOnlyList<LicenceFinding> Findings)
{
    /// <summary>True when nothing would be lost.</summary>
    public bool IsWithinLimits => Findings.Count == 0;

    /// <summary>The findings as text: one line per finding, one indented line per item.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var finding in Findings)
        {
            text.Append("- ").AppendLine(finding.Summary);
            foreach (var item in finding.Items)
            {
                text.Append("  - ").AppendLine(item);
            }
        }

        return text.ToString().TrimEnd();
    }
}
