using LeerlingzorgPortal.Domain.Protocols;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class ProtocolTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Protocol Bullying(DateOnly? reviewOn = null) => new(ProtocolTopic.Bullying, "owner", reviewOn ?? new DateOnly(2027, 9, 1),
        new ProtocolText("Pestprotocol", "# Pestprotocol\n\nWij pesten niet.", null), "author", Now);

    [Fact]
    public void A_new_protocol_starts_at_version_1_and_each_revision_adds_the_next_number()
    {
        var protocol = Bullying();

        var second = protocol.Revise(new ProtocolText("Pestprotocol 2026", "Nieuwe tekst.", "Cyberpesten toegevoegd"), "editor", Now.AddDays(3));
        var third = protocol.Revise(new ProtocolText("Pestprotocol 2027", "Nog nieuwer.", null), "editor", Now.AddDays(5));

        Assert.Equal([1, 2, 3], protocol.Versions.Select(v => v.Number));
        Assert.Equal(2, second.Number);
        Assert.Same(third, protocol.Current);
        Assert.Equal("Pestprotocol", protocol.Versions[0].Title);
        Assert.Equal("# Pestprotocol\n\nWij pesten niet.", protocol.Versions[0].Body);
        Assert.Equal("Cyberpesten toegevoegd", second.ChangeNote);
        Assert.Equal(Now.AddDays(3), second.SavedAt);
        Assert.Equal("editor", second.AuthorId);
    }

    [Fact]
    public void Each_revision_changes_the_concurrency_token()
    {
        var protocol = Bullying();
        var before = protocol.Version;

        protocol.Revise(new ProtocolText("Pestprotocol", "Andere tekst.", null), "editor", Now);

        Assert.NotEqual(before, protocol.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_version_without_title_is_refused_in_Dutch_and_nothing_is_added(string? title)
    {
        var protocol = Bullying();

        var error = Assert.Throws<DomainRuleException>(() => protocol.Revise(new ProtocolText(title!, "Tekst", null), "editor", Now));

        Assert.Equal("De titel van het protocol is verplicht.", error.Message);
        Assert.Single(protocol.Versions);
    }

    [Fact]
    public void A_new_protocol_without_title_or_body_is_refused_in_Dutch()
    {
        Assert.Equal("De titel van het protocol is verplicht.", Assert.Throws<DomainRuleException>(() =>
            new Protocol(ProtocolTopic.Other, "owner", Today, new ProtocolText(" ", "Tekst", null), "author", Now)).Message);
        Assert.Equal("De tekst van het protocol is verplicht.", Assert.Throws<DomainRuleException>(() =>
            new Protocol(ProtocolTopic.Other, "owner", Today, new ProtocolText("Titel", "", null), "author", Now)).Message);
    }

    [Fact]
    public void A_title_longer_than_200_characters_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() => Bullying().Revise(new ProtocolText(new string('a', 201), "Tekst", null), "editor", Now));

        Assert.Equal("De titel van het protocol mag hoogstens 200 tekens lang zijn.", error.Message);
    }

    [Fact]
    public void A_new_protocol_needs_an_owner()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            new Protocol(ProtocolTopic.Other, " ", Today, new ProtocolText("Titel", "Tekst", null), "author", Now));

        Assert.Equal("Kies een eigenaar.", error.Message);
    }

    [Fact]
    public void The_review_is_overdue_only_after_the_review_date_and_only_while_active()
    {
        var protocol = Bullying(new DateOnly(2026, 11, 21));

        Assert.False(protocol.IsReviewOverdue(new DateOnly(2026, 11, 21)));
        Assert.True(protocol.IsReviewOverdue(new DateOnly(2026, 11, 22)));

        protocol.SetActive(false);

        Assert.False(protocol.IsReviewOverdue(new DateOnly(2026, 11, 22)));
    }

    [Fact]
    public void Assign_sets_owner_and_review_date_and_clears_the_overdue_signal()
    {
        var protocol = Bullying(new DateOnly(2026, 1, 1));

        protocol.Assign("new-owner", new DateOnly(2027, 11, 22), Today);

        Assert.Equal("new-owner", protocol.OwnerId);
        Assert.Equal(new DateOnly(2027, 11, 22), protocol.ReviewOn);
        Assert.False(protocol.IsReviewOverdue(Today));
    }

    [Fact]
    public void Assign_accepts_today_and_refuses_a_review_date_in_the_past()
    {
        var protocol = Bullying();
        protocol.Assign("owner", Today, Today);

        var error = Assert.Throws<DomainRuleException>(() => protocol.Assign("owner", Today.AddDays(-1), Today));

        Assert.Equal("De nieuwe evaluatiedatum kan niet in het verleden liggen.", error.Message);
        Assert.Equal(Today, protocol.ReviewOn);
    }

    [Fact]
    public void Assign_refuses_an_empty_owner()
    {
        var protocol = Bullying();

        var error = Assert.Throws<DomainRuleException>(() => protocol.Assign("", Today.AddMonths(6), Today));

        Assert.Equal("Kies een eigenaar.", error.Message);
        Assert.Equal("owner", protocol.OwnerId);
    }
}
