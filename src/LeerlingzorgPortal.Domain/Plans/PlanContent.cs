namespace LeerlingzorgPortal.Domain.Plans;

/// <summary>One goal of a plan: what should be reached, measurably, and by when.</summary>
public sealed record PlanGoal(Guid Key, string Description, DateOnly TargetDate);

/// <summary>One measure: what is done, by whom, how often and for how long; some concern the classroom.</summary>
/// <param name="ByWhomId">The staff member who carries it out, when it is someone on staff.</param>
/// <param name="ForClassroom">Shown to the mentor: a measure teachers carry out in class.</param>
/// <param name="InterventionId">The intervention from the school's care offering, when the measure is one.</param>
public sealed record PlanMeasure(Guid Key, string What, string ByWhom, string? ByWhomId, string HowOften, string? Duration,
    bool ForClassroom, int? InterventionId = null);

/// <summary>The parts an OPP adds to a plan.</summary>
/// <param name="ExitProfile">The expected exit profile (uitstroomprofiel), e.g. "vmbo-kader" or "arbeidsmarkt".</param>
/// <param name="SupportSection">The handelingsdeel: the support to be given, by whom and for how long.</param>
public sealed record OppParts(
    string? ExitProfile,
    string? ExitProfileReasoning,
    string? SupportingFactors,
    string? HinderingFactors,
    string? SupportSection);

/// <summary>
/// What a plan says at one version: goals, measures, dates and (for an OPP) its own parts. Saved
/// whole with every version, so any two versions can be compared.
/// </summary>
public sealed record PlanContent(
    string Title,
    DateOnly StartDate,
    DateOnly EvaluationDate,
    IReadOnlyList<PlanGoal> Goals,
    IReadOnlyList<PlanMeasure> Measures,
    OppParts? Opp)
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;
    public const int MaxGoals = 10;
    public const int MaxMeasures = 10;

    /// <summary>Checks what every saved version must satisfy; activation asks more (see <see cref="CarePlan.Activate"/>).</summary>
    public PlanContent Checked()
    {
        Guard.Text(Title, TitleMaxLength, "De titel van het plan");
        if (EvaluationDate <= StartDate)
        {
            throw new DomainRuleException("De evaluatiedatum moet na de startdatum van het plan liggen.");
        }

        if (Goals.Count > MaxGoals || Measures.Count > MaxMeasures)
        {
            throw new DomainRuleException($"Een plan heeft hoogstens {MaxGoals} doelen en {MaxMeasures} maatregelen.");
        }

        foreach (var goal in Goals)
        {
            Guard.Text(goal.Description, TextMaxLength, "De omschrijving van een doel");
            if (goal.TargetDate < StartDate)
            {
                throw new DomainRuleException($"De streefdatum van doel '{Short(goal.Description)}' ligt voor de start van het plan.");
            }
        }

        foreach (var measure in Measures)
        {
            Guard.Text(measure.What, TextMaxLength, "Wat er gedaan wordt");
            Guard.Text(measure.ByWhom, 200, "Door wie");
            Guard.Text(measure.HowOften, 200, "Hoe vaak");
        }

        return this;
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
