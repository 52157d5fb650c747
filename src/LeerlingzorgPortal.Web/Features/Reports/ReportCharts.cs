using System.Globalization;
using System.Text.Json;
using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Web.Features.Shared;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>One line or bar series of a chart; a hidden count is null, which the chart draws as a gap.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<int?> Values);

/// <summary>
/// What <c>report-charts.js</c> draws on one canvas. Made from a <see cref="ReportTable"/> as shown,
/// so a chart never holds a number its table hides ("&lt;5" becomes null, never the count).
/// </summary>
public sealed record ReportChart(string Kind, bool Stacked, string Description, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(new { type = Kind, stacked = Stacked, labels = Labels, series = Series }, Json);
}

public static class ReportCharts
{
    private const string TotalColumn = "Totaal";

    /// <summary>A series per row of the table, along its columns (months, say); a total column is left out.</summary>
    public static ReportChart ByRows(ReportTable table, string kind, bool stacked, string description)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.Columns.Select((label, i) => (Label: label, Index: i)).Where(c => c.Label != TotalColumn).ToList();
        return new ReportChart(kind, stacked, description, columns.Select(c => c.Label).ToList(),
            table.Rows.Select(r => new ChartSeries(r.Label, columns.Select(c => Value(r.Cells[c.Index])).ToList())).ToList());
    }

    /// <summary>A series per column of the table (a total column left out), along its rows.</summary>
    public static ReportChart ByColumns(ReportTable table, string kind, bool stacked, string description)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.Columns.Select((label, i) => (Label: label, Index: i)).Where(c => c.Label != TotalColumn).ToList();
        return new ReportChart(kind, stacked, description, table.Rows.Select(r => r.Label).ToList(),
            columns.Select(c => new ChartSeries(c.Label, table.Rows.Select(r => Value(r.Cells[c.Index])).ToList())).ToList());
    }

    /// <summary>The number a cell shows, or null for a hidden one.</summary>
    public static int? Value(string cell) =>
        cell != SmallCells.Hidden && int.TryParse(cell, NumberStyles.AllowThousands, Dutch.Culture, out var value) ? value : null;
}
