using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Tests;

/// <summary>Small builders for an organisation in memory; ids are set the way EF would set them.</summary>
internal static class Builders
{
    public static readonly SchoolYear ThisYear = new(2026);

    public static (Board Board, Location North, Location South) TwoLocations()
    {
        var board = new Board("Stichting Test");
        var north = board.AddLocation("Noord", "N");
        var south = board.AddLocation("Zuid", "Z");
        SetId(north, 1);
        SetId(south, 2);
        return (board, north, south);
    }

    public static MentorGroup Group(Location location, string name, int id)
    {
        var group = location.AddMentorGroup(name, ThisYear);
        SetId(group, id);
        SetProperty(group, nameof(MentorGroup.LocationId), location.Id);
        return group;
    }

    public static Pupil Pupil(Location location, MentorGroup? group = null, DateOnly? born = null, string number = "1001")
    {
        var pupil = new Pupil(number, new PersonName("Daan", "de", "Vries"), born ?? new DateOnly(2012, 5, 1), location);
        SetProperty(pupil, nameof(Domain.Organisation.Pupil.LocationId), location.Id);
        if (group is not null)
        {
            pupil.PlaceInMentorGroup(group);
        }

        return pupil;
    }

    public static void SetId(object entity, int id) => SetProperty(entity, "Id", id);

    private static void SetProperty(object entity, string name, object value) =>
        entity.GetType().GetProperty(name)!.SetValue(entity, value);
}
