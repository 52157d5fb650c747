namespace LeerlingzorgPortal.Domain.Retention;

/// <summary>
/// The kinds of data with their own retention period (bewaartermijn), counted from the day the
/// pupil left. Which records belong to which kind is decided in one place, the web layer's
/// PupilRecordInventory (see docs/adr/0019-retention-and-inzage.md).
/// </summary>
public enum RetentionKind
{
    /// <summary>The care dossier: referrals and cases with everything hanging on them, plans, consents.</summary>
    CareDossier,

    /// <summary>Absence (verzuim): referrals in the category absence.</summary>
    Absence,

    /// <summary>Referrals to special education: external referrals to the samenwerkingsverband.</summary>
    SpecialEducation,
}

public static class RetentionKindText
{
    public static string Dutch(RetentionKind kind) => kind switch
    {
        RetentionKind.CareDossier => "Zorgdossier",
        RetentionKind.Absence => "Verzuim",
        RetentionKind.SpecialEducation => "Verwijzing naar speciaal onderwijs",
        _ => kind.ToString(),
    };
}
