using System.Text;

namespace LeerlingzorgPortal.Web.Features.Import;

/// <summary>The fields an export can fill.</summary>
public enum ImportField
{
    Ignore,
    Number,
    FirstName,
    Prefix,
    LastName,
    DateOfBirth,
    Group,
    Location,
    MentorEmail,
    GuardianName,
    GuardianEmail,
    GuardianPhone,
}

/// <summary>Recognises the column names of common exports (Magister, Somtoday and the like), Dutch and English.</summary>
public static class HeaderRecognizer
{
    private static readonly Dictionary<string, ImportField> Known = new(StringComparer.Ordinal)
    {
        ["leerlingnummer"] = ImportField.Number,
        ["llnr"] = ImportField.Number,
        ["leerlingnr"] = ImportField.Number,
        ["nummer"] = ImportField.Number,
        ["studentnumber"] = ImportField.Number,
        ["studentid"] = ImportField.Number,
        ["pupilnumber"] = ImportField.Number,
        ["roepnaam"] = ImportField.FirstName,
        ["voornaam"] = ImportField.FirstName,
        ["firstname"] = ImportField.FirstName,
        ["givenname"] = ImportField.FirstName,
        ["voorvoegsel"] = ImportField.Prefix,
        ["tussenvoegsel"] = ImportField.Prefix,
        ["tussenvoegsels"] = ImportField.Prefix,
        ["prefix"] = ImportField.Prefix,
        ["achternaam"] = ImportField.LastName,
        ["lastname"] = ImportField.LastName,
        ["surname"] = ImportField.LastName,
        ["familienaam"] = ImportField.LastName,
        ["geboortedatum"] = ImportField.DateOfBirth,
        ["dateofbirth"] = ImportField.DateOfBirth,
        ["birthdate"] = ImportField.DateOfBirth,
        ["gebdatum"] = ImportField.DateOfBirth,
        ["klas"] = ImportField.Group,
        ["stamgroep"] = ImportField.Group,
        ["mentorgroep"] = ImportField.Group,
        ["class"] = ImportField.Group,
        ["group"] = ImportField.Group,
        ["locatie"] = ImportField.Location,
        ["vestiging"] = ImportField.Location,
        ["location"] = ImportField.Location,
        ["school"] = ImportField.Location,
        ["mentor"] = ImportField.MentorEmail,
        ["mentoremail"] = ImportField.MentorEmail,
        ["emailmentor"] = ImportField.MentorEmail,
        ["naamouder"] = ImportField.GuardianName,
        ["ouder"] = ImportField.GuardianName,
        ["naamverzorger"] = ImportField.GuardianName,
        ["parent"] = ImportField.GuardianName,
        ["guardian"] = ImportField.GuardianName,
        ["parentname"] = ImportField.GuardianName,
        ["emailouder"] = ImportField.GuardianEmail,
        ["emailverzorger"] = ImportField.GuardianEmail,
        ["parentemail"] = ImportField.GuardianEmail,
        ["telefoonouder"] = ImportField.GuardianPhone,
        ["telouder"] = ImportField.GuardianPhone,
        ["telefoonverzorger"] = ImportField.GuardianPhone,
        ["parentphone"] = ImportField.GuardianPhone,
        ["mobielouder"] = ImportField.GuardianPhone,
    };

    public static IReadOnlyList<ImportField> Recognize(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var seen = new HashSet<ImportField>();
        return headers.Select(h => Known.TryGetValue(Normalize(h), out var field) && seen.Add(field) ? field : ImportField.Ignore).ToList();
    }

    public static string Normalize(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var builder = new StringBuilder();
        foreach (var c in header.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

/// <summary>What the portal already knows, as far as an import needs it.</summary>
public sealed record ExistingPupil(int Id, string Number, int LocationId, string? Group, string FirstName, string? Prefix, string LastName,
    DateOnly DateOfBirth, DateOnly? LeftOn, IReadOnlyList<string> GuardianEmails, IReadOnlyList<string> GuardianPhones);

public sealed record ImportContext(
    IReadOnlyDictionary<string, ExistingPupil> PupilsByNumber,
    IReadOnlyDictionary<string, int> LocationsByKey,
    IReadOnlySet<int> AllowedLocations,
    IReadOnlySet<(int LocationId, string Group)> ExistingGroups,
    IReadOnlyDictionary<string, StaffInfo> StaffByEmail,
    int? DefaultLocationId,
    DateOnly Today);

/// <summary>A staff member as an import sees them: where they work and which groups they mentor (upper case).</summary>
public sealed record StaffInfo(string StaffId, IReadOnlySet<int> Locations, IReadOnlySet<(int LocationId, string Group)> Groups);

/// <summary>One good row, ready to apply.</summary>
public sealed record ImportRow(int Line, string Number, string FirstName, string? Prefix, string LastName, DateOnly DateOfBirth, int LocationId,
    string? Group, string? MentorEmail, string? GuardianName, string? GuardianEmail, string? GuardianPhone);

public sealed record PlannedChange(ImportRow Row, int? PupilId, IReadOnlyList<string> Changes);

public sealed record RowProblem(int Line, string Number, IReadOnlyList<string> Problems);

/// <summary>
/// What an import will do, before anything is written: created, changed, moved to another group,
/// marked as left; new mentor groups and mentor links; and every row with a problem and why.
/// </summary>
public sealed record ImportPlan(
    IReadOnlyList<PlannedChange> Creates,
    IReadOnlyList<PlannedChange> Updates,
    IReadOnlyList<PlannedChange> Moves,
    IReadOnlyList<ExistingPupil> Lefts,
    IReadOnlyList<(int LocationId, string Group)> NewGroups,
    IReadOnlyList<(string StaffId, int LocationId, string Group)> NewMentorLinks,
    IReadOnlyList<RowProblem> Problems,
    int Unchanged)
{
    public bool HasChanges => Creates.Count + Updates.Count + Moves.Count + Lefts.Count + NewGroups.Count + NewMentorLinks.Count > 0;

    public string Counts => $"nieuw {Creates.Count}, gewijzigd {Updates.Count}, verhuisd {Moves.Count}, vertrokken {Lefts.Count}, " +
                            $"groepen {NewGroups.Count}, mentorkoppelingen {NewMentorLinks.Count}, ongewijzigd {Unchanged}";
}

public static class ImportPlanner
{
    public static ImportPlan Plan(ImportTable table, IReadOnlyList<ImportField> mapping, ImportContext context, bool fullImport)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(context);
        var creates = new List<PlannedChange>();
        var updates = new List<PlannedChange>();
        var moves = new List<PlannedChange>();
        var problems = new List<RowProblem>();
        var newGroups = new List<(int, string)>();
        var links = new List<(string, int, string)>();
        var unchanged = 0;
        var numbersInFile = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var locationsInFile = new HashSet<int>();

        if (!mapping.Contains(ImportField.Number) || !mapping.Contains(ImportField.LastName) || !mapping.Contains(ImportField.FirstName)
            || !mapping.Contains(ImportField.DateOfBirth))
        {
            return new ImportPlan([], [], [], [], [], [], [new RowProblem(1, "", ["Koppel ten minste de kolommen leerlingnummer, roepnaam, achternaam en geboortedatum."])], 0);
        }

        // The first column mapped to each field.
        var columns = mapping.Select((field, index) => (field, index)).DistinctBy(c => c.field).ToDictionary(c => c.field, c => c.index);
        foreach (var (line, cells) in table.Rows)
        {
            string? Get(ImportField field)
            {
                var value = columns.TryGetValue(field, out var index) && index < cells.Count ? cells[index].Trim() : null;
                return string.IsNullOrEmpty(value) ? null : value;
            }

            var rowProblems = new List<string>();
            if (cells.Any(c => c.TrimStart().StartsWith('=') || c.TrimStart().StartsWith('@')))
            {
                rowProblems.Add("een cel bevat een formule; exporteer waarden, geen formules");
            }

            var number = Get(ImportField.Number);
            var firstName = Get(ImportField.FirstName);
            var lastName = Get(ImportField.LastName);
            var birthText = Get(ImportField.DateOfBirth);
            if (number is null)
            {
                rowProblems.Add("leerlingnummer ontbreekt");
            }
            else if (number.Length > Domain.Organisation.Pupil.NumberMaxLength)
            {
                rowProblems.Add("leerlingnummer is te lang");
            }
            else if (numbersInFile.TryGetValue(number, out var earlier))
            {
                rowProblems.Add($"leerlingnummer staat ook op regel {earlier}");
            }
            else
            {
                numbersInFile[number] = line;
            }

            if (firstName is null)
            {
                rowProblems.Add("roepnaam ontbreekt");
            }

            if (lastName is null)
            {
                rowProblems.Add("achternaam ontbreekt");
            }

            var birth = birthText is null ? null : ImportFileReader.ParseDate(birthText);
            if (birthText is null)
            {
                rowProblems.Add("geboortedatum ontbreekt");
            }
            else if (birth is null)
            {
                rowProblems.Add($"geboortedatum '{birthText}' is geen geldige datum");
            }
            else if (birth > context.Today.AddYears(-8) || birth < context.Today.AddYears(-25))
            {
                rowProblems.Add($"geboortedatum {birthText} is onmogelijk voor een leerling van het voortgezet onderwijs");
            }

            var locationKey = Get(ImportField.Location);
            int? locationId = locationKey is null ? context.DefaultLocationId
                : context.LocationsByKey.TryGetValue(locationKey.ToUpperInvariant(), out var found) ? found : null;
            if (locationId is null)
            {
                rowProblems.Add(locationKey is null ? "geen locatie: kies er een bij het uploaden of lever een kolom locatie" : $"onbekende locatie '{locationKey}'");
            }
            else if (!context.AllowedLocations.Contains(locationId.Value))
            {
                rowProblems.Add("je mag voor deze locatie niet importeren");
            }

            var existing = number is null ? null : context.PupilsByNumber.GetValueOrDefault(number);
            if (existing is not null && locationId is not null && existing.LocationId != locationId)
            {
                rowProblems.Add("dit leerlingnummer bestaat al op een andere locatie");
            }

            var group = Get(ImportField.Group);
            if (group?.Length > Domain.Organisation.MentorGroup.NameMaxLength)
            {
                rowProblems.Add("klas is te lang");
            }

            var mentorEmail = Get(ImportField.MentorEmail);
            var mentor = mentorEmail is null ? null : context.StaffByEmail.GetValueOrDefault(mentorEmail.ToUpperInvariant());
            if (mentorEmail is not null && mentor is null)
            {
                rowProblems.Add($"mentor '{mentorEmail}' is geen gebruiker van het portaal");
            }
            else if (mentor is not null && locationId is not null && !mentor.Locations.Contains(locationId.Value))
            {
                rowProblems.Add($"mentor '{mentorEmail}' werkt niet op deze locatie");
            }

            var guardianEmail = Get(ImportField.GuardianEmail);
            var guardianPhone = Get(ImportField.GuardianPhone);
            if (guardianEmail is not null && !guardianEmail.Contains('@', StringComparison.Ordinal))
            {
                rowProblems.Add($"e-mailadres ouder '{guardianEmail}' is ongeldig");
            }

            if (rowProblems.Count > 0)
            {
                problems.Add(new RowProblem(line, number ?? "", rowProblems));
                continue;
            }

            locationsInFile.Add(locationId!.Value);
            var row = new ImportRow(line, number!, firstName!, Get(ImportField.Prefix), lastName!, birth!.Value, locationId.Value, group, mentorEmail,
                Get(ImportField.GuardianName), guardianEmail, guardianPhone);
            if (group is not null && !context.ExistingGroups.Contains((locationId.Value, group.ToUpperInvariant()))
                && !newGroups.Contains((locationId.Value, group.ToUpperInvariant())))
            {
                newGroups.Add((locationId.Value, group.ToUpperInvariant()));
            }

            if (mentor is not null && group is not null && !mentor.Groups.Contains((locationId.Value, group.ToUpperInvariant()))
                && !links.Contains((mentor.StaffId, locationId.Value, group.ToUpperInvariant())))
            {
                links.Add((mentor.StaffId, locationId.Value, group.ToUpperInvariant()));
            }

            if (existing is null)
            {
                creates.Add(new PlannedChange(row, null, ["nieuwe leerling"]));
                continue;
            }

            var changes = new List<string>();
            if (existing.FirstName != row.FirstName || existing.Prefix != row.Prefix || existing.LastName != row.LastName)
            {
                changes.Add("naam");
            }

            if (existing.DateOfBirth != row.DateOfBirth)
            {
                changes.Add("geboortedatum");
            }

            if (existing.LeftOn is not null)
            {
                changes.Add("weer ingeschreven");
            }

            if ((row.GuardianEmail is not null && !existing.GuardianEmails.Contains(row.GuardianEmail, StringComparer.OrdinalIgnoreCase))
                || (row.GuardianEmail is null && row.GuardianPhone is not null && !existing.GuardianPhones.Contains(row.GuardianPhone)))
            {
                changes.Add("ouder/verzorger toegevoegd");
            }

            var moved = group is not null && !string.Equals(existing.Group, group, StringComparison.OrdinalIgnoreCase);
            if (moved)
            {
                moves.Add(new PlannedChange(row, existing.Id, [$"van {existing.Group ?? "geen groep"} naar {group!.ToUpperInvariant()}"]));
            }

            if (changes.Count > 0)
            {
                updates.Add(new PlannedChange(row, existing.Id, changes));
            }
            else if (!moved)
            {
                unchanged++;
            }
        }

        var lefts = fullImport
            ? context.PupilsByNumber.Values
                .Where(p => p.LeftOn is null && locationsInFile.Contains(p.LocationId) && !numbersInFile.ContainsKey(p.Number))
                .OrderBy(p => p.LastName, StringComparer.Ordinal).ToList()
            : [];
        return new ImportPlan(creates, updates, moves, lefts, newGroups, links, problems, unchanged);
    }
}
