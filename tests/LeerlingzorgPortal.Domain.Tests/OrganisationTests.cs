using LeerlingzorgPortal.Domain.Organisation;
using static LeerlingzorgPortal.Domain.Tests.Builders;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class OrganisationTests
{
    [Fact]
    public void A_board_refuses_two_locations_with_the_same_code()
    {
        var board = new Board("Stichting Test");
        board.AddLocation("Noord", "rc-n");

        var error = Assert.Throws<DomainRuleException>(() => board.AddLocation("Noord 2", "RC-N"));
        Assert.Contains("RC-N", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_location_code_is_stored_in_capitals()
    {
        var board = new Board("Stichting Test");
        Assert.Equal("RC-N", board.AddLocation("Noord", " rc-n ").Code);
    }

    [Fact]
    public void A_location_refuses_a_second_mentor_group_with_the_same_name_in_the_same_school_year()
    {
        var (_, north, _) = TwoLocations();
        north.AddMentorGroup("2B", ThisYear);

        Assert.Throws<DomainRuleException>(() => north.AddMentorGroup("2b", ThisYear));
    }

    [Fact]
    public void The_same_mentor_group_name_may_return_in_another_school_year()
    {
        var (_, north, _) = TwoLocations();
        north.AddMentorGroup("2B", ThisYear);

        var next = north.AddMentorGroup("2B", new SchoolYear(2027));
        Assert.Equal(2027, next.SchoolYear.StartYear);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("123456789012345678901")]
    public void A_mentor_group_name_must_be_present_and_short(string name)
    {
        var (_, north, _) = TwoLocations();
        Assert.Throws<DomainRuleException>(() => north.AddMentorGroup(name, ThisYear));
    }

    [Fact]
    public void A_pupil_can_be_placed_in_a_mentor_group_of_their_own_location()
    {
        var (_, north, _) = TwoLocations();
        var group = Group(north, "1A", 10);
        var pupil = Pupil(north);

        pupil.PlaceInMentorGroup(group);

        Assert.Equal(10, pupil.MentorGroupId);
    }

    [Fact]
    public void A_pupil_cannot_be_placed_in_a_mentor_group_of_another_location()
    {
        var (_, north, south) = TwoLocations();
        var southGroup = Group(south, "3C", 30);
        var pupil = Pupil(north);

        var error = Assert.Throws<DomainRuleException>(() => pupil.PlaceInMentorGroup(southGroup));
        Assert.Contains("eigen locatie", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-05-01", 14)]
    [InlineData("2026-04-30", 13)]
    [InlineData("2026-11-22", 14)]
    public void A_pupils_age_counts_completed_years(string on, int expected)
    {
        var (_, north, _) = TwoLocations();
        var pupil = Pupil(north, born: new DateOnly(2012, 5, 1));

        Assert.Equal(expected, pupil.AgeOn(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void From_sixteen_a_pupil_gives_consent_themselves()
    {
        var (_, north, _) = TwoLocations();
        var pupil = Pupil(north, born: new DateOnly(2010, 11, 22));

        Assert.False(pupil.GivesOwnConsentOn(new DateOnly(2026, 11, 21)));
        Assert.True(pupil.GivesOwnConsentOn(new DateOnly(2026, 11, 22)));
    }

    [Fact]
    public void A_guardian_needs_a_phone_number_or_an_email_address()
    {
        var (_, north, _) = TwoLocations();
        var pupil = Pupil(north);

        Assert.Throws<DomainRuleException>(() =>
            pupil.AddGuardian("Anna de Vries", GuardianRelationship.Mother, null, " ", hasParentalAuthority: true));
        var guardian = pupil.AddGuardian("Anna de Vries", GuardianRelationship.Mother, null, "anna@example.org", true);
        Assert.Equal("anna@example.org", guardian.Email);
    }

    [Fact]
    public void A_pupil_has_at_most_four_guardians()
    {
        var (_, north, _) = TwoLocations();
        var pupil = Pupil(north);
        for (var i = 0; i < Organisation.Pupil.MaxGuardians; i++)
        {
            pupil.AddGuardian($"Ouder {i}", GuardianRelationship.Parent, "06-12345678", null, true);
        }

        Assert.Throws<DomainRuleException>(() =>
            pupil.AddGuardian("Nog een", GuardianRelationship.Other, "06-12345678", null, false));
    }

    [Fact]
    public void A_name_with_a_prefix_sorts_on_the_last_name()
    {
        var name = new PersonName("Daan", "van der", "Berg");

        Assert.Equal("Daan van der Berg", name.FullName);
        Assert.Equal("Berg, Daan van der", name.SortName);
    }

    [Fact]
    public void A_pupils_search_text_holds_number_and_name_parts_lower_cased()
    {
        var pupil = new Pupil("T-77", new PersonName("Élise", "van der", "Çelik"), new DateOnly(2012, 5, 1), TwoLocations().North);

        Assert.Equal("t-77 élise van der çelik", pupil.SearchText);
        Assert.Equal("çelik", Domain.Organisation.Pupil.SearchTermOf("ÇELIK"));
    }

    [Fact]
    public void A_corrected_or_anonymised_pupil_is_found_by_the_new_name_only()
    {
        var pupil = Pupil(TwoLocations().North);

        pupil.Correct(new PersonName("Daan", null, "Jansen"), pupil.DateOfBirth);
        Assert.Contains("jansen", pupil.SearchText, StringComparison.Ordinal);
        Assert.DoesNotContain("vries", pupil.SearchText, StringComparison.Ordinal);

        pupil.Anonymise(new DateOnly(2026, 11, 22));
        Assert.DoesNotContain("jansen", pupil.SearchText, StringComparison.Ordinal);
        Assert.DoesNotContain("daan", pupil.SearchText, StringComparison.Ordinal);
        Assert.Contains("verwijderd", pupil.SearchText, StringComparison.Ordinal);
    }
}
