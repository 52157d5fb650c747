using LeerlingzorgPortal.Domain.Accounts;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class AccountSecurityTests
{
    [Fact]
    public void An_enrolment_code_is_sixteen_unambiguous_characters_in_groups_of_four()
    {
        var code = EnrolmentCode.Generate();

        Assert.Matches("^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$", code);
        Assert.NotEqual(code, EnrolmentCode.Generate());
    }

    [Fact]
    public void An_enrolment_code_matches_its_hash_however_it_is_typed_and_nothing_else_does()
    {
        var code = EnrolmentCode.Generate();
        var hash = EnrolmentCode.Hash(code);

        Assert.DoesNotContain(EnrolmentCode.Normalise(code), hash, StringComparison.Ordinal);
        Assert.True(EnrolmentCode.Matches(hash, code));
        Assert.True(EnrolmentCode.Matches(hash, " " + code.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant()));
        Assert.False(EnrolmentCode.Matches(hash, EnrolmentCode.Generate()));
        Assert.False(EnrolmentCode.Matches(hash, ""));
        Assert.False(EnrolmentCode.Matches(null, code));
        Assert.NotEqual(hash, EnrolmentCode.Hash(code));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 30)]
    [InlineData(4, 60)]
    [InlineData(5, 120)]
    [InlineData(7, 480)]
    [InlineData(8, 900)]
    [InlineData(50, 900)]
    public void The_delay_per_address_and_client_starts_at_three_failures_and_doubles_up_to_fifteen_minutes(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInDelay.PerAddressAndClient.After(failures));
    }

    [Fact]
    public void A_client_waits_after_ten_failures_over_all_addresses()
    {
        Assert.Equal(TimeSpan.Zero, SignInDelay.PerClient.After(9));
        Assert.Equal(TimeSpan.FromSeconds(30), SignInDelay.PerClient.After(10));
    }
}
