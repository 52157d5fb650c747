using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Reporting;

/// <summary>
/// The zorgjaarverslag of one location for one school year: the figures are generated, the text
/// sections are written by the coordinator and kept here, one record per location and year.
/// </summary>
public sealed class CareYearReport
{
    public const int SectionMaxLength = 8000;

    private CareYearReport()
    {
        UpdatedById = string.Empty;
    }

    public CareYearReport(int locationId, SchoolYear schoolYear)
    {
        LocationId = locationId;
        SchoolYearStart = schoolYear.StartYear;
        UpdatedById = string.Empty;
        Version = Guid.NewGuid();
    }

    public int Id { get; private set; }

    public int LocationId { get; private set; }

    /// <summary>The first calendar year of the school year (2026 for 2026-2027).</summary>
    public int SchoolYearStart { get; private set; }

    public SchoolYear SchoolYear => new(SchoolYearStart);

    /// <summary>Toelichting bij de cijfers.</summary>
    public string? FiguresComment { get; private set; }

    /// <summary>Evaluatie van het zorgbeleid.</summary>
    public string? PolicyEvaluation { get; private set; }

    /// <summary>Doelen voor volgend schooljaar.</summary>
    public string? GoalsNextYear { get; private set; }

    public string UpdatedById { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    public Guid Version { get; private set; }

    public bool HasText => FiguresComment is not null || PolicyEvaluation is not null || GoalsNextYear is not null;

    public void Write(CareYearReportText text, string byId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        FiguresComment = Guard.OptionalText(text.FiguresComment, SectionMaxLength, "De toelichting bij de cijfers");
        PolicyEvaluation = Guard.OptionalText(text.PolicyEvaluation, SectionMaxLength, "De evaluatie van het zorgbeleid");
        GoalsNextYear = Guard.OptionalText(text.GoalsNextYear, SectionMaxLength, "De doelen voor volgend schooljaar");
        UpdatedById = Guard.Text(byId, 64, "De schrijver");
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }
}

public sealed record CareYearReportText(string? FiguresComment, string? PolicyEvaluation, string? GoalsNextYear);
