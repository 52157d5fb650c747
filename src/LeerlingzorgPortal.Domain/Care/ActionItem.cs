namespace LeerlingzorgPortal.Domain.Care;

/// <summary>An actiepunt: something one staff member will do by a date, within a care case.</summary>
public sealed class ActionItem
{
    public const int DescriptionMaxLength = 500;

    private ActionItem()
    {
        CreatedById = string.Empty;
        OwnerId = string.Empty;
        Description = string.Empty;
    }

    internal ActionItem(Referral referral, string createdById, string ownerId, string description, DateOnly dueDate,
        DateTimeOffset now, ContactNote? fromNote, int? fromAgendaItemId)
    {
        AgendaItemId = fromAgendaItemId;
        Referral = referral;
        CreatedById = createdById;
        OwnerId = Guard.Text(ownerId, 64, "De eigenaar");
        Description = Guard.Text(description, DescriptionMaxLength, "De omschrijving");
        if (dueDate < DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainRuleException("De deadline kan niet voor vandaag liggen.");
        }

        DueDate = dueDate;
        CreatedAt = now;
        ContactNote = fromNote;
        Status = ActionItemStatus.Open;
        Version = Guid.NewGuid();
    }

    public int Id { get; private set; }

    public int ReferralId { get; private set; }

    public Referral? Referral { get; private set; }

    public int? ContactNoteId { get; private set; }

    public ContactNote? ContactNote { get; private set; }

    /// <summary>The meeting agenda item whose decision this item comes from, if any.</summary>
    public int? AgendaItemId { get; private set; }

    public string CreatedById { get; private set; }

    public string OwnerId { get; private set; }

    public string Description { get; private set; }

    public DateOnly DueDate { get; private set; }

    public ActionItemStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>Open and past its due date: signalled to the owner and the coordinator.</summary>
    public bool IsOverdueOn(DateOnly today) => IsOverdue(Status, DueDate, today);

    /// <summary>The overdue rule for an action item read as a projection rather than loaded whole.</summary>
    public static bool IsOverdue(ActionItemStatus status, DateOnly dueDate, DateOnly today) =>
        status == ActionItemStatus.Open && dueDate < today;

    public void MarkDone(DateTimeOffset now)
    {
        if (Status == ActionItemStatus.Done)
        {
            throw new DomainRuleException("Dit actiepunt is al afgerond.");
        }

        Status = ActionItemStatus.Done;
        DoneAt = now;
        Version = Guid.NewGuid();
    }

    public void Reopen()
    {
        if (Status == ActionItemStatus.Open)
        {
            throw new DomainRuleException("Dit actiepunt staat al open.");
        }

        Status = ActionItemStatus.Open;
        DoneAt = null;
        Version = Guid.NewGuid();
    }
}
