namespace LeerlingzorgPortal.Web.Features.Account;

/// <summary>A code from the authenticator app or a recovery code.</summary>
public sealed class TwoFactorCodeForm
{
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>Spaces and dashes people type between the six digits are ignored.</summary>
    public static string NormaliseCode(string? code) =>
        (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("-", string.Empty, StringComparison.Ordinal).Trim();

    /// <summary>Recovery codes are stored as XXXXX-XXXXX; typed in lower case or without the dash they still count.</summary>
    public static string NormaliseRecoveryCode(string? code)
    {
        var plain = NormaliseCode(code).ToUpperInvariant();
        return plain.Length == 10 ? $"{plain[..5]}-{plain[5..]}" : plain;
    }
}

/// <summary>Setting up the authenticator app: the enrolment code from the beheerder and the app's first code (ADR 0038).</summary>
public sealed class TwoFactorSetupForm
{
    public string? EnrolmentCode { get; set; }

    public string? Code { get; set; }
}
