using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class SchoolYearTests
{
    [Theory]
    [InlineData(2026, 8, 1, 2026)]
    [InlineData(2026, 7, 31, 2025)]
    [InlineData(2027, 1, 15, 2026)]
    [InlineData(2026, 12, 31, 2026)]
    public void Containing_starts_the_school_year_on_the_first_of_August(int year, int month, int day, int expectedStart)
    {
        Assert.Equal(expectedStart, SchoolYear.Containing(new DateOnly(year, month, day)).StartYear);
    }

    [Fact]
    public void Reads_as_start_and_end_year()
    {
        Assert.Equal("2026-2027", new SchoolYear(2026).ToString());
    }

    [Fact]
    public void Runs_from_first_of_August_to_thirty_first_of_July()
    {
        var year = new SchoolYear(2026);
        Assert.True(year.Contains(new DateOnly(2026, 8, 1)));
        Assert.True(year.Contains(new DateOnly(2027, 7, 31)));
        Assert.False(year.Contains(new DateOnly(2027, 8, 1)));
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void Refuses_an_implausible_start_year(int start)
    {
        Assert.Throws<DomainRuleException>(() => new SchoolYear(start));
    }
}
