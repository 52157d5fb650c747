using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// Writes who read or changed what, when, for which pupil and from where. Every read of a pupil's dossier
/// goes through here; the client's IP address is filled in here, once, for every line.
/// </summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider clock, CurrentStaff currentStaff,
    IHttpContextAccessor httpContextAccessor)
{
    /// <summary>
    /// Records a sign-in event, for which nobody (or not yet the right person) is signed in: the account
    /// concerned (or <see cref="AuditEntryAccounts.Unknown"/>) and the client address; never what was typed.
    /// </summary>
    public async Task RecordAccountEventAsync(AuditAction action, string? accountId, string? detail = null,
        CancellationToken cancellationToken = default)
    {
        var userId = accountId ?? AuditEntryAccounts.Unknown;
        var entry = new AuditEntry(clock.GetUtcNow(), userId, action, "Account", userId, pupilId: null)
            .From(ClientAddress(httpContextAccessor.HttpContext));
        db.AuditEntries.Add(detail is null ? entry : entry.WithDetail(detail));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordAsync(AuditAction action, string subjectType, string subjectId, int? pupilId,
        CancellationToken cancellationToken = default)
    {
        Add(action, subjectType, subjectId, pupilId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Saves a new record and then its Create line, which needs the key the database just gave the record,
    /// in one transaction: a process killed between the two leaves neither (kill -9 during writes, docs/operations.md).
    /// </summary>
    public async Task SaveCreatedAsync(string subjectType, Func<string> subjectId, int? pupilId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        await using (transaction)
        {
            await db.SaveChangesAsync(cancellationToken);
            await RecordAsync(AuditAction.Create, subjectType, subjectId(), pupilId, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
    }

    /// <summary>Saves the lines added with <see cref="Add"/> (and whatever else the unit of work holds).</summary>
    public Task SaveAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);

    /// <summary>
    /// One read of a page that shows several pupils: a line per pupil (or one without, when it shows none), written
    /// in one INSERT of many rows, so a page's SQL command count does not grow with the pupils it shows (SQLite does
    /// not batch EF's inserts). Columns and stored values come from the EF model, so every provider's conversions hold.
    /// </summary>
    public async Task RecordReadOfEachAsync(string subjectType, string subjectId, IReadOnlyCollection<int> pupilIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pupilIds);
        var userId = currentStaff.UserId ?? throw new InvalidOperationException("Audit needs a signed-in user.");
        var now = clock.GetUtcNow();
        var address = ClientAddress(httpContextAccessor.HttpContext);
        var entries = (pupilIds.Count == 0 ? [null] : pupilIds.Select(p => (int?)p))
            .Select(p => new AuditEntry(now, userId, AuditAction.Read, Clip(subjectType, AuditEntry.SubjectTypeMaxLength),
                Clip(subjectId, AuditEntry.SubjectIdMaxLength), p).From(address))
            .ToList();
        var entityType = db.Model.FindEntityType(typeof(AuditEntry))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entityType.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
        var table = sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
        var columnList = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName())));
        // Parameters of the provider's own kind, so a null needs no type mapping.
        using var parameterFactory = db.Database.GetDbConnection().CreateCommand();
        // SQL Server takes at most 2,100 parameters in one command.
        foreach (var chunk in entries.Chunk(200))
        {
            var values = new List<object>();
            var rows = new List<string>();
            foreach (var entry in chunk)
            {
                var placeholders = new List<string>();
                foreach (var column in columns)
                {
                    var value = column.PropertyInfo!.GetValue(entry);
                    var converter = column.GetValueConverter() ?? column.GetTypeMapping().Converter;
                    value = value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
                    var parameter = parameterFactory.CreateParameter();
                    parameter.ParameterName = "@a" + values.Count.ToString(CultureInfo.InvariantCulture);
                    parameter.Value = value ?? DBNull.Value;
                    placeholders.Add(parameter.ParameterName);
                    values.Add(parameter);
                }

                rows.Add("(" + string.Join(", ", placeholders) + ")");
            }

            // Only identifiers from the EF model and numbered placeholders are in the text; every value is a parameter.
            var command = "INSERT INTO " + table + " (" + columnList + ") VALUES " + string.Join(", ", rows);
            await db.Database.ExecuteSqlRawAsync(command, values, cancellationToken);
        }
    }

    /// <summary>Adds the line to the unit of work, so it is saved together with the change it describes.</summary>
    public AuditEntry Add(AuditAction action, string subjectType, string subjectId, int? pupilId, string? detail = null)
    {
        var userId = currentStaff.UserId
                     ?? throw new InvalidOperationException("Audit needs a signed-in user.");
        var entry = new AuditEntry(clock.GetUtcNow(), userId, action, Clip(subjectType, AuditEntry.SubjectTypeMaxLength),
                Clip(subjectId, AuditEntry.SubjectIdMaxLength), pupilId)
            .From(ClientAddress(httpContextAccessor.HttpContext));
        db.AuditEntries.Add(detail is null ? entry : entry.WithDetail(detail));
        return entry;
    }

    /// <summary>The address the request came from (behind a proxy: what the forwarded-headers middleware made of it).</summary>
    public static string? ClientAddress(HttpContext? context)
    {
        var address = context?.Connection.RemoteIpAddress;
        if (address is null)
        {
            return null;
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
