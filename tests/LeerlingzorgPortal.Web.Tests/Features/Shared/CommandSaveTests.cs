using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Shared;

/// <summary>The one "save, catch a rule or a concurrent change, return a result" of every use case.</summary>
public sealed class CommandSaveTests : IDisposable
{
    private readonly ThingsContext _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_change_that_saves_is_done()
    {
        var result = await _db.SaveCommandAsync(() => Task.CompletedTask, "conflict");

        Assert.Equal(CommandResult.Done, result);
    }

    [Fact]
    public async Task A_broken_rule_is_invalid_with_its_message_next_to_the_field_and_the_change_is_forgotten()
    {
        _db.Attach(new Thing { Id = 1, Name = "a" }).Entity.Name = "b";

        var result = await _db.SaveCommandAsync(() => throw new DomainRuleException("Dit mag niet."), "conflict", "Name");

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(("Name", "Dit mag niet."), Assert.Single(result.Errors));
        Assert.Empty(_db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task A_concurrent_change_is_a_conflict_with_the_given_message_and_the_change_is_forgotten()
    {
        _db.Attach(new Thing { Id = 1, Name = "a" }).Entity.Name = "b";

        var result = await _db.SaveCommandAsync(() => throw new DbUpdateConcurrencyException("stale"),
            "Iemand anders heeft dit intussen gewijzigd.");

        Assert.Equal(CommandStatus.Conflict, result.Status);
        Assert.Equal((string.Empty, "Iemand anders heeft dit intussen gewijzigd."), Assert.Single(result.Errors));
        Assert.Empty(_db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task A_concurrent_change_can_count_as_done()
    {
        var result = await _db.SaveCommandAsync(() => throw new DbUpdateConcurrencyException("stale"), onConflict: CommandResult.Done);

        Assert.Equal(CommandResult.Done, result);
    }

    [Fact]
    public async Task Another_refused_save_gets_the_callers_answer_only_when_asked()
    {
        var answered = await _db.SaveCommandAsync(() => throw new DbUpdateException("unique"), CommandResult.Conflict("conflict"),
            onUpdateError: _ => Task.FromResult(CommandResult.Invalid("Die naam bestaat al.", "Name")));

        Assert.Equal(("Name", "Die naam bestaat al."), Assert.Single(answered.Errors));
        await Assert.ThrowsAsync<DbUpdateException>(() =>
            _db.SaveCommandAsync(() => throw new DbUpdateException("unique"), "conflict"));
    }

    [Fact]
    public async Task Other_errors_are_not_swallowed()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _db.SaveCommandAsync(() => throw new InvalidOperationException(), "conflict"));
    }

    private sealed class Thing
    {
        public int Id { get; set; }

        public string Name { get; set; } = "";
    }

    private sealed class ThingsContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
            optionsBuilder.UseSqlite("Data Source=:memory:");

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Thing>();
    }
}
