using System.Text;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Features.Account;
using LeerlingzorgPortal.Web.Security;

namespace LeerlingzorgPortal.Web.Tests.Security;

/// <summary>The pure parts of two-factor sign-in: codes, keys, what people type.</summary>
public sealed class TotpTests
{
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    public void The_test_authenticator_matches_the_RFC_6238_examples(long unixSeconds, string expected)
    {
        Assert.Equal(expected, Authenticator.Code(RfcKey, unixSeconds / 30, digits: 8));
    }

    [Theory]
    [InlineData(59L)]
    [InlineData(1111111109L)]
    [InlineData(1795253400L)]
    public void The_portal_computes_the_same_six_digits_as_an_app(long unixSeconds)
    {
        var step = Totp.TimeStep(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(Authenticator.Code(RfcKey, step, digits: 6), Totp.Code(RfcKey, step).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_base32_key_decodes_with_spaces_and_in_lower_case()
    {
        Assert.Equal(RfcKey, Totp.FromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        Assert.Equal(RfcKey, Authenticator.Base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        Assert.Throws<FormatException>(() => Totp.FromBase32("niet-base32!"));
    }

    [Fact]
    public void The_key_is_shown_in_groups_of_four()
    {
        Assert.Equal("abcd efgh ijkl mnop", Totp.Grouped("ABCDEFGHIJKLMNOP"));
    }

    [Theory]
    [InlineData("123 456", "123456")]
    [InlineData(" 123-456 ", "123456")]
    [InlineData(null, "")]
    public void Spaces_and_dashes_in_a_code_are_ignored(string? typed, string expected)
    {
        Assert.Equal(expected, TwoFactorCodeForm.NormaliseCode(typed));
    }

    [Theory]
    [InlineData("abcde-fghij", "ABCDE-FGHIJ")]
    [InlineData("ABCDE FGHIJ", "ABCDE-FGHIJ")]
    [InlineData("abcdefghij", "ABCDE-FGHIJ")]
    public void A_recovery_code_is_accepted_as_people_type_it(string typed, string expected)
    {
        Assert.Equal(expected, TwoFactorCodeForm.NormaliseRecoveryCode(typed));
    }

    [Fact]
    public void The_QR_code_is_a_PNG_in_a_data_address_and_names_the_portal()
    {
        var uri = TwoFactorController.AuthenticatorUri("a.b@school.example", "ABCDEFGH");

        Assert.Equal("otpauth://totp/LeerlingzorgPortaal:a.b%40school.example?secret=ABCDEFGH&issuer=LeerlingzorgPortaal&digits=6", uri);
        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", TwoFactorController.QrCodeDataUri(uri), StringComparison.Ordinal);
    }
}
