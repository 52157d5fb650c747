namespace LeerlingzorgPortal.Domain.Notifications;

/// <summary>
/// An in-app message to one staff member, with a link to what it is about. Messages name no pupil:
/// the link leads to a page that checks access again.
/// </summary>
public sealed class Notification
{
    public const int MessageMaxLength = 300;
    public const int LinkMaxLength = 200;

    private Notification()
    {
        RecipientId = string.Empty;
        Message = string.Empty;
        Link = string.Empty;
    }

    public Notification(string recipientId, string message, string link, DateTimeOffset now)
    {
        RecipientId = recipientId;
        Message = Guard.Text(message, MessageMaxLength, "Het bericht");
        Link = Guard.Text(link, LinkMaxLength, "De link");
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public string RecipientId { get; private set; }

    public string Message { get; private set; }

    public string Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
