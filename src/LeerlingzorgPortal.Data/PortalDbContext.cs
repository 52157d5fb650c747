using LeerlingzorgPortal.Domain.Accommodations;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Notifications;
using LeerlingzorgPortal.Domain.Offering;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Domain.Protocols;
using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Domain.Retention;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LeerlingzorgPortal.Data;

/// <summary>
/// The portal's database. Each provider has its own subclass, only so that each keeps its own
/// migrations, in a project of its own (see docs/adr/0002-two-database-providers.md and 0043). It also holds the
/// Data Protection key ring, shared by every instance (ADR 0042).
/// </summary>
public class PortalDbContext : IdentityDbContext<PortalUser>, IDataProtectionKeyContext
{
    public PortalDbContext(DbContextOptions<PortalDbContext> options) : base(options)
    {
    }

    protected PortalDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Board> Boards => Set<Board>();

    public DbSet<Location> Locations => Set<Location>();

    public DbSet<MentorGroup> MentorGroups => Set<MentorGroup>();

    public DbSet<Pupil> Pupils => Set<Pupil>();

    public DbSet<Guardian> Guardians => Set<Guardian>();

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<ContactNote> ContactNotes => Set<ContactNote>();

    public DbSet<ActionItem> ActionItems => Set<ActionItem>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<CarePlan> CarePlans => Set<CarePlan>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<PupilConsent> PupilConsents => Set<PupilConsent>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<CustomIncidentCategory> CustomIncidentCategories => Set<CustomIncidentCategory>();

    public DbSet<ExternalOrganisation> ExternalOrganisations => Set<ExternalOrganisation>();

    public DbSet<ExternalReferral> ExternalReferrals => Set<ExternalReferral>();

    public DbSet<MeldcodeTrack> MeldcodeTracks => Set<MeldcodeTrack>();

    public DbSet<Handover> Handovers => Set<Handover>();

    public DbSet<ImportUpload> ImportUploads => Set<ImportUpload>();

    public DbSet<Intervention> Interventions => Set<Intervention>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<Accommodation> Accommodations => Set<Accommodation>();

    public DbSet<Protocol> Protocols => Set<Protocol>();

    public DbSet<ProtocolVersion> ProtocolVersions => Set<ProtocolVersion>();

    public DbSet<CareYearReport> CareYearReports => Set<CareYearReport>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<RetentionPeriod> RetentionPeriods => Set<RetentionPeriod>();

    public DbSet<RetentionReview> RetentionReviews => Set<RetentionReview>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options)
    : PortalDbContext(options)
{
    /// <summary>The project that holds this provider's migrations (ADR 0043).</summary>
    public const string MigrationsAssembly = "LeerlingzorgPortal.Data.Migrations.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no date-time-with-offset type and cannot compare or sort the text EF would store,
        // so moments are kept as sortable binary numbers there.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgreSqlPortalDbContext(DbContextOptions<PostgreSqlPortalDbContext> options)
    : PortalDbContext(options)
{
    /// <summary>The project that holds this provider's migrations (ADR 0043).</summary>
    public const string MigrationsAssembly = "LeerlingzorgPortal.Data.Migrations.PostgreSql";
}

/// <summary>SQL Server and Azure SQL (ADR 0033): the shared model, with what SQL Server needs on top.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options)
    : PortalDbContext(options)
{
    /// <summary>The project that holds this provider's migrations (ADR 0043).</summary>
    public const string MigrationsAssembly = "LeerlingzorgPortal.Data.Migrations.SqlServer";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        SqlServerModel.Apply(builder);
    }
}

