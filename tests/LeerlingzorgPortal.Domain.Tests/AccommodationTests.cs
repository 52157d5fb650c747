using LeerlingzorgPortal.Domain.Accommodations;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class AccommodationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static AccommodationTerms Terms(DateOnly from, DateOnly until, AccommodationKind kind = AccommodationKind.ExtraTime,
        string? detail = "25% extra tijd bij toetsen", string ground = "Dyslexieverklaring (2023)", DateOnly? statementUntil = null) =>
        new(kind, detail, ground, statementUntil, from, until);

    private static Accommodation Granted(DateOnly from, DateOnly until, DateOnly? statementUntil = null) =>
        new(7, Terms(from, until, statementUntil: statementUntil), "care-worker", Now);

    [Fact]
    public void Granting_records_kind_detail_ground_dates_and_granter()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31), new DateOnly(2028, 1, 1));

        Assert.Equal(7, accommodation.PupilId);
        Assert.Equal(AccommodationKind.ExtraTime, accommodation.Kind);
        Assert.Equal("25% extra tijd bij toetsen", accommodation.Detail);
        Assert.Equal("Dyslexieverklaring (2023)", accommodation.Ground);
        Assert.Equal(new DateOnly(2028, 1, 1), accommodation.StatementValidUntil);
        Assert.Equal("care-worker", accommodation.GrantedById);
        Assert.Equal(Now, accommodation.GrantedAt);
        Assert.Null(accommodation.EndedOn);
    }

    [Fact]
    public void An_accommodation_that_ends_before_it_starts_is_refused_with_a_Dutch_message()
    {
        var error = Assert.Throws<DomainRuleException>(() => Granted(new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 30)));

        Assert.Equal("De einddatum van de faciliteit ligt voor de begindatum.", error.Message);
    }

    [Fact]
    public void A_one_day_accommodation_is_allowed()
    {
        var accommodation = Granted(Today, Today);

        Assert.True(accommodation.IsValidOn(Today));
        Assert.False(accommodation.IsValidOn(Today.AddDays(1)));
    }

    [Theory]
    [InlineData(AccommodationKind.Exemption)]
    [InlineData(AccommodationKind.Other)]
    public void An_exemption_or_other_accommodation_without_detail_is_refused(AccommodationKind kind)
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            new Accommodation(7, Terms(Today, Today.AddDays(30), kind, detail: "  "), "care-worker", Now));

        Assert.Contains("wat die precies inhoudt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_time_without_detail_is_allowed_and_stores_no_detail()
    {
        var accommodation = new Accommodation(7, Terms(Today, Today.AddDays(30), detail: " "), "care-worker", Now);

        Assert.Null(accommodation.Detail);
    }

    [Fact]
    public void A_missing_ground_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            new Accommodation(7, Terms(Today, Today.AddDays(30), ground: " "), "care-worker", Now));

        Assert.Equal("De reden of verklaring is verplicht.", error.Message);
    }

    [Fact]
    public void Valid_on_the_first_and_last_day_and_not_outside()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31));

        Assert.False(accommodation.IsValidOn(new DateOnly(2026, 8, 31)));
        Assert.True(accommodation.IsValidOn(new DateOnly(2026, 9, 1)));
        Assert.True(accommodation.IsValidOn(new DateOnly(2027, 7, 31)));
        Assert.False(accommodation.IsValidOn(new DateOnly(2027, 8, 1)));
        Assert.Equal(new DateOnly(2027, 7, 31), accommodation.LastDay);
    }

    [Fact]
    public void Withdrawing_makes_the_day_before_the_last_day()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31));

        accommodation.End(new DateOnly(2026, 12, 1));

        Assert.Equal(new DateOnly(2026, 12, 1), accommodation.EndedOn);
        Assert.Equal(new DateOnly(2026, 11, 30), accommodation.LastDay);
        Assert.True(accommodation.IsValidOn(new DateOnly(2026, 11, 30)));
        Assert.False(accommodation.IsValidOn(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void Withdrawing_on_the_first_day_means_it_never_applied()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31));

        accommodation.End(new DateOnly(2026, 9, 1));

        Assert.False(accommodation.IsValidOn(new DateOnly(2026, 9, 1)));
    }

    [Fact]
    public void Withdrawing_before_it_starts_twice_or_after_it_ended_is_refused()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31));

        Assert.Throws<DomainRuleException>(() => accommodation.End(new DateOnly(2026, 8, 31)));
        Assert.Throws<DomainRuleException>(() => accommodation.End(new DateOnly(2027, 8, 1)));
        accommodation.End(new DateOnly(2027, 7, 31));
        var twice = Assert.Throws<DomainRuleException>(() => accommodation.End(new DateOnly(2027, 1, 1)));
        Assert.Equal("Deze faciliteit is al ingetrokken.", twice.Message);
    }

    [Fact]
    public void Changing_applies_new_terms_with_the_same_rules_and_is_refused_once_withdrawn()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31));

        accommodation.Change(Terms(new DateOnly(2026, 9, 1), new DateOnly(2028, 7, 31), AccommodationKind.Laptop, "Laptop bij schrijftoetsen"));
        Assert.Equal(AccommodationKind.Laptop, accommodation.Kind);
        Assert.Equal(new DateOnly(2028, 7, 31), accommodation.ValidUntil);
        Assert.Throws<DomainRuleException>(() => accommodation.Change(Terms(new DateOnly(2026, 9, 1), new DateOnly(2026, 8, 1))));
        Assert.Equal(new DateOnly(2028, 7, 31), accommodation.ValidUntil);

        accommodation.End(new DateOnly(2027, 1, 1));
        Assert.Throws<DomainRuleException>(() => accommodation.Change(Terms(new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31))));
    }

    [Fact]
    public void A_refused_change_leaves_every_term_as_it_was()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31));

        Assert.Throws<DomainRuleException>(() => accommodation.Change(
            Terms(new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31), AccommodationKind.Laptop, "Laptop", ground: " ")));

        Assert.Equal(AccommodationKind.ExtraTime, accommodation.Kind);
        Assert.Equal("25% extra tijd bij toetsen", accommodation.Detail);
        Assert.Equal("Dyslexieverklaring (2023)", accommodation.Ground);
    }

    [Fact]
    public void No_signal_when_end_and_statement_are_beyond_six_weeks()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), Today.AddDays(43), Today.AddDays(100));

        Assert.Empty(AccommodationExpiry.SignalsFor(accommodation, Today));
    }

    [Fact]
    public void An_end_within_six_weeks_is_signalled_with_its_date()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), Today.AddDays(AccommodationExpiry.NoticeDays));

        var signal = Assert.Single(AccommodationExpiry.SignalsFor(accommodation, Today));

        Assert.Equal(new ExpirySignal(ExpirySignalKind.AccommodationEndsSoon, new DateOnly(2027, 1, 3)), signal);
    }

    [Fact]
    public void An_accommodation_ending_today_is_still_signalled()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), Today);

        Assert.Equal(ExpirySignalKind.AccommodationEndsSoon, Assert.Single(AccommodationExpiry.SignalsFor(accommodation, Today)).Kind);
    }

    [Fact]
    public void A_statement_running_out_before_the_end_is_signalled_alone()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31), new DateOnly(2026, 12, 15));

        var signal = Assert.Single(AccommodationExpiry.SignalsFor(accommodation, Today));

        Assert.Equal(new ExpirySignal(ExpirySignalKind.StatementExpires, new DateOnly(2026, 12, 15)), signal);
    }

    [Fact]
    public void A_statement_that_already_ran_out_while_it_still_applies_is_signalled()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31), new DateOnly(2026, 10, 1));

        Assert.Equal(ExpirySignalKind.StatementExpires, Assert.Single(AccommodationExpiry.SignalsFor(accommodation, Today)).Kind);
    }

    [Fact]
    public void Statement_and_end_both_within_the_window_give_two_signals()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), Today.AddDays(30), Today.AddDays(10));

        var signals = AccommodationExpiry.SignalsFor(accommodation, Today);

        Assert.Equal([ExpirySignalKind.AccommodationEndsSoon, ExpirySignalKind.StatementExpires], signals.Select(s => s.Kind));
    }

    [Fact]
    public void A_statement_valid_beyond_the_end_gives_no_statement_signal()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), Today.AddDays(20), Today.AddDays(30));

        Assert.Equal(ExpirySignalKind.AccommodationEndsSoon, Assert.Single(AccommodationExpiry.SignalsFor(accommodation, Today)).Kind);
    }

    [Fact]
    public void Expired_or_withdrawn_accommodations_give_no_signal()
    {
        var expired = Granted(new DateOnly(2026, 9, 1), Today.AddDays(-1), Today.AddDays(-30));
        var withdrawn = Granted(new DateOnly(2026, 9, 1), Today.AddDays(20), Today.AddDays(10));
        withdrawn.End(Today);

        Assert.Empty(AccommodationExpiry.SignalsFor(expired, Today));
        Assert.Empty(AccommodationExpiry.SignalsFor(withdrawn, Today));
    }

    [Fact]
    public void The_window_moves_with_the_clock()
    {
        var accommodation = Granted(new DateOnly(2026, 9, 1), new DateOnly(2027, 3, 1));

        Assert.Empty(AccommodationExpiry.SignalsFor(accommodation, new DateOnly(2027, 1, 17)));
        Assert.Single(AccommodationExpiry.SignalsFor(accommodation, new DateOnly(2027, 1, 18)));
        Assert.Empty(AccommodationExpiry.SignalsFor(accommodation, new DateOnly(2027, 3, 2)));
    }
}
