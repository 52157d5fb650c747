namespace LeerlingzorgPortal.Testing;

/// <summary>A clock the tests set by hand.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Default = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    private DateTimeOffset _now = now;

    public FakeClock() : this(Default)
    {
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now = _now.Add(by);
}
