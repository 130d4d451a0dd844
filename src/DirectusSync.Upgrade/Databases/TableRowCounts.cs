namespace DirectusSync.Upgrade.Databases;

/// <summary>Compares two databases table by table by their row counts (the proof that a restored copy is whole).</summary>
public static class TableRowCounts
{
    /// <summary>One line per difference (a table missing on either side, or a different count); empty when equal.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var lines = new List<string>();
        foreach (var table in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            var had = expected.TryGetValue(table, out var before);
            var has = actual.TryGetValue(table, out var after);
            if (!has)
            {
                lines.Add($"{table}: missing (expected {before} row(s))");
            }
            else if (!had)
            {
                lines.Add($"{table}: not expected ({after} row(s))");
            }
            else if (before != after)
            {
                lines.Add($"{table}: {after} row(s), expected {before}");
            }
        }

        return lines;
    }

    /// <summary>Throws when the counts differ, naming the tables.</summary>
    /// <exception cref="DatabaseBackupException">They differ.</exception>
    public static void EnsureEqual(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual, string what)
    {
        var differences = Differences(expected, actual);
        if (differences.Count > 0)
        {
            throw new DatabaseBackupException($"{what}: the row counts differ:\n{string.Join('\n', differences.Take(20).Select(l => "- " + l))}"
                + (differences.Count > 20 ? $"\n- … {differences.Count - 20} more" : string.Empty));
        }
    }

    /// <summary>"87 tables, 12 345 rows".</summary>
    public static string Describe(IReadOnlyDictionary<string, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return $"{counts.Count} tables, {counts.Values.Sum()} rows";
    }
}
