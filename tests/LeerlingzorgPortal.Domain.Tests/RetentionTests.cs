using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Retention;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class RetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void A_leaving_date_cannot_lie_before_birth_or_more_than_a_year_ahead()
    {
        var pupil = Builders.Pupil(Builders.TwoLocations().North, born: new DateOnly(2012, 5, 1));

        Assert.Equal("De vertrekdatum kan niet voor de geboortedatum liggen.",
            Assert.Throws<DomainRuleException>(() => pupil.SetLeavingDate(new DateOnly(2012, 4, 30), Today)).Message);
        Assert.Equal("De vertrekdatum kan hoogstens een jaar vooruit liggen.",
            Assert.Throws<DomainRuleException>(() => pupil.SetLeavingDate(Today.AddDays(367), Today)).Message);

        pupil.SetLeavingDate(Today.AddDays(366), Today);
        Assert.Equal(Today.AddDays(366), pupil.LeftOn);
        pupil.SetLeavingDate(null, Today);
        Assert.Null(pupil.LeftOn);
    }

    [Fact]
    public void Anonymising_keeps_the_location_group_and_birth_year_and_drops_the_name_number_and_guardians()
    {
        var (_, north, _) = Builders.TwoLocations();
        var group = Builders.Group(north, "1A", 5);
        var pupil = Builders.Pupil(north, group, new DateOnly(2012, 5, 1));
        pupil.AddGuardian("Moeder", GuardianRelationship.Mother, "06-12345678", null, true);

        pupil.Anonymise(Today);

        Assert.DoesNotContain("Vries", pupil.Name.FullName, StringComparison.Ordinal);
        Assert.StartsWith("VERWIJDERD-", pupil.Number, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2012, 1, 1), pupil.DateOfBirth);
        Assert.Empty(pupil.Guardians);
        Assert.Equal(5, pupil.MentorGroupId);
        Assert.Equal(Today, pupil.AnonymisedOn);
        Assert.Throws<DomainRuleException>(() => pupil.SetLeavingDate(Today, Today));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void A_period_is_a_whole_number_of_years_from_1_to_20(int years)
    {
        var error = Assert.Throws<DomainRuleException>(() => new RetentionPeriod(RetentionKind.CareDossier, years));

        Assert.Equal("Een bewaartermijn is een heel aantal jaren van 1 tot en met 20.", error.Message);
    }

    [Fact]
    public void Confirming_twice_changes_nothing_the_second_time()
    {
        var review = new RetentionReview(1, 1, RetentionKind.CareDossier, Today, Now);

        Assert.True(review.Confirm("coordinator", Now));
        Assert.False(review.Confirm("someone-else", Now.AddMinutes(1)));
        Assert.Equal("coordinator", review.DecidedById);
    }

    [Fact]
    public void A_postponement_needs_a_reason_and_a_later_date_and_ends_on_that_date()
    {
        var review = new RetentionReview(1, 1, RetentionKind.CareDossier, Today, Now);

        Assert.Throws<DomainRuleException>(() => review.Postpone(Today, "Rechtszaak", "c", Now));
        Assert.Throws<DomainRuleException>(() => review.Postpone(Today.AddDays(1), " ", "c", Now));
        review.Postpone(Today.AddDays(30), "Rechtszaak", "c", Now);
        Assert.Throws<DomainRuleException>(() => review.Confirm("c", Now));

        Assert.False(review.ReopenIfPostponementEnded(Today.AddDays(29)));
        Assert.True(review.ReopenIfPostponementEnded(Today.AddDays(30)));
        Assert.Equal(RetentionReviewStatus.Due, review.Status);
    }
}
