namespace LeerlingzorgPortal.Domain.Care;

public enum ReferralCategory
{
    Learning,
    Behaviour,
    SocialEmotional,
    HomeSituation,
    Absence,
    Bullying,
    Medical,
    Other,
}

/// <summary>How soon the care team should act; the intake queue puts the most urgent first.</summary>
public enum Urgency
{
    Normal = 0,
    High = 1,
    Urgent = 2,
}

public enum ReferralStatus
{
    Draft,
    Submitted,
    Triaged,
    InProgress,
    Closed,
    ReturnedToMentor,
    ReferredOut,
}

/// <summary>Ondersteuningsniveau: basic support within the school's basis, or extra support.</summary>
public enum SupportLevel
{
    Basic,
    Extra,
}

public enum CaseOutcome
{
    GoalsReached,
    PartlyReached,
    NotReached,
    NoLongerNeeded,
}

/// <summary>With whom a contact moment was; several can be present at once.</summary>
[Flags]
public enum ContactParties
{
    None = 0,
    Pupil = 1,
    Parents = 2,
    Mentor = 4,
    External = 8,
}

public enum ActionItemStatus
{
    Open,
    Done,
}
