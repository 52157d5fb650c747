using LeerlingzorgPortal.Web.Security;

namespace LeerlingzorgPortal.Web.Tests.Security;

/// <summary>Which passwords the portal refuses as too predictable, apart from the 12-character minimum.</summary>
public sealed class PasswordRuleTests
{
    [Theory]
    [InlineData("wachtwoord")]
    [InlineData("Wachtwoord2026!")]
    [InlineData("Welkom12345678")]
    [InlineData("123456789012")]
    [InlineData("!!Feyenoord1908")]
    [InlineData("P@ssw0rd2026")]
    public void Common_passwords_also_with_digits_or_punctuation_around_them_are_refused(string password) =>
        Assert.True(CommonPasswordValidator.IsWeak(password, "iemand@school.example"));

    [Fact]
    public void A_password_containing_the_accounts_email_name_is_refused() =>
        Assert.True(CommonPasswordValidator.IsWeak("janssen-rocks-2026", "janssen@school.example"));

    [Theory]
    [InlineData("paarse fiets op het dak")]
    [InlineData("Zorgportaal2026")]
    [InlineData("kompas-regenjas-theepot")]
    public void Passphrases_and_uncommon_passwords_are_accepted_without_rules_for_capitals_or_digits(string password) =>
        Assert.False(CommonPasswordValidator.IsWeak(password, "iemand@school.example"));
}
