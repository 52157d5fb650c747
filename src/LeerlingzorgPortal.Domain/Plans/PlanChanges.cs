namespace LeerlingzorgPortal.Domain.Plans;

/// <summary>What changed between two versions of a plan, in sentences a coordinator can read.</summary>
public static class PlanChanges
{
    public static IReadOnlyList<string> Between(PlanContent before, PlanContent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        Compare(changes, "Titel", before.Title, after.Title);
        Compare(changes, "Startdatum", D(before.StartDate), D(after.StartDate));
        Compare(changes, "Evaluatiedatum", D(before.EvaluationDate), D(after.EvaluationDate));

        foreach (var goal in after.Goals)
        {
            var old = before.Goals.FirstOrDefault(g => g.Key == goal.Key);
            if (old is null)
            {
                changes.Add($"Doel toegevoegd: {goal.Description} (streefdatum {D(goal.TargetDate)})");
            }
            else if (old != goal)
            {
                changes.Add($"Doel gewijzigd: '{old.Description}' ({D(old.TargetDate)}) werd '{goal.Description}' ({D(goal.TargetDate)})");
            }
        }

        changes.AddRange(before.Goals.Where(g => after.Goals.All(a => a.Key != g.Key)).Select(g => $"Doel verwijderd: {g.Description}"));

        foreach (var measure in after.Measures)
        {
            var old = before.Measures.FirstOrDefault(m => m.Key == measure.Key);
            if (old is null)
            {
                changes.Add($"Maatregel toegevoegd: {measure.What} (door {measure.ByWhom}, {measure.HowOften})");
            }
            else if (old != measure)
            {
                changes.Add($"Maatregel gewijzigd: '{old.What}' (door {old.ByWhom}, {old.HowOften}) werd '{measure.What}' (door {measure.ByWhom}, {measure.HowOften})");
            }
        }

        changes.AddRange(before.Measures.Where(m => after.Measures.All(a => a.Key != m.Key)).Select(m => $"Maatregel verwijderd: {m.What}"));

        if (before.Opp is null && after.Opp is not null)
        {
            changes.Add("Het plan is een OPP geworden.");
        }

        if (before.Opp is { } oldOpp && after.Opp is { } newOpp)
        {
            Compare(changes, "Uitstroomprofiel", oldOpp.ExitProfile, newOpp.ExitProfile);
            Compare(changes, "Onderbouwing uitstroomprofiel", oldOpp.ExitProfileReasoning, newOpp.ExitProfileReasoning);
            Compare(changes, "Bevorderende factoren", oldOpp.SupportingFactors, newOpp.SupportingFactors);
            Compare(changes, "Belemmerende factoren", oldOpp.HinderingFactors, newOpp.HinderingFactors);
            Compare(changes, "Handelingsdeel", oldOpp.SupportSection, newOpp.SupportSection);
        }

        return changes;
    }

    private static string D(DateOnly date) => date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static void Compare(List<string> changes, string what, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add($"{what}: '{before ?? "–"}' werd '{after ?? "–"}'");
        }
    }
}
