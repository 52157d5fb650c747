namespace LeerlingzorgPortal.Domain.Auditing;

/// <summary>
/// One line of the audit log: who read or changed what, when, and for which pupil. Entries are
/// only ever added; the application has no way to change or remove them.
/// </summary>
public sealed class AuditEntry
{
    public const int SubjectTypeMaxLength = 50;
    public const int SubjectIdMaxLength = 64;

    /// <summary>An IPv6 address in its longest text form (with an embedded IPv4 address) is 45 characters.</summary>
    public const int ClientAddressMaxLength = 45;

    private AuditEntry()
    {
        UserId = string.Empty;
        SubjectType = string.Empty;
        SubjectId = string.Empty;
    }

    public AuditEntry(DateTimeOffset at, string userId, AuditAction action, string subjectType, string subjectId,
        int? pupilId)
    {
        At = at;
        UserId = userId;
        Action = action;
        SubjectType = subjectType;
        SubjectId = subjectId;
        PupilId = pupilId;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string UserId { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>The kind of record, e.g. "Pupil" or "StaffMember".</summary>
    public string SubjectType { get; private set; }

    public string SubjectId { get; private set; }

    public int? PupilId { get; private set; }

    /// <summary>A short, non-personal detail, such as the counts of an import.</summary>
    public string? Detail { get; private set; }

    /// <summary>From where: the client's IP address as the server saw it; null for work without a request.</summary>
    public string? ClientAddress { get; private set; }

    public AuditEntry From(string? clientAddress)
    {
        ClientAddress = clientAddress is null || clientAddress.Length <= ClientAddressMaxLength
            ? clientAddress
            : clientAddress[..ClientAddressMaxLength];
        return this;
    }

    public AuditEntry WithDetail(string detail)
    {
        Detail = detail.Length <= 500 ? detail : detail[..500];
        return this;
    }
}

public enum AuditAction
{
    Read,
    Create,
    Update,
    Deactivate,
    Reactivate,
    PasswordReset,

    /// <summary>A report downloaded as a file.</summary>
    Export,

    /// <summary>A successful sign-in (after the second factor, where one is used).</summary>
    SignIn,

    /// <summary>A refused sign-in or code; the user id is the account's if it exists, else <see cref="AuditEntryAccounts.Unknown"/>.</summary>
    SignInFailed,

    /// <summary>An account locked after too many failures.</summary>
    LockedOut,

    SignOut,
    TwoFactorEnabled,
    TwoFactorDisabled,

    /// <summary>The admin removed someone's authenticator (a lost phone).</summary>
    TwoFactorReset,
    RecoveryCodeUsed,
    RecoveryCodesRenewed,

    /// <summary>Data removed (or anonymised) because its retention period ran out; the detail holds counts only.</summary>
    RetentionDeleted,

    /// <summary>A record with care data removed (an upload cancelled, data deleted at the end of its retention).</summary>
    Delete,

    /// <summary>A signed-in user asked for a record out of their reach and got 404 (the need-to-know rules).</summary>
    AccessRefused,

    /// <summary>Someone changed their own password (with the current one).</summary>
    PasswordChanged,

    /// <summary>A person ended their own other sessions.</summary>
    SessionsEnded,
}

public static class AuditEntryAccounts
{
    /// <summary>The user id recorded for an attempt on an e-mail address that has no account (the text typed is not kept).</summary>
    public const string Unknown = "(onbekend)";
}
