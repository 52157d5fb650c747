using LeerlingzorgPortal.Web.Tests.Faults;

namespace LeerlingzorgPortal.Web.Tests.Infrastructure;

/// <summary>
/// Every integration test class runs on every database (ADR 0045): an abstract generic class over a
/// <see cref="PortalFixture"/> has exactly three sealed twins, <c>X_Sqlite</c>, <c>X_PostgreSql</c> and
/// <c>X_SqlServer</c>, each closing it with a fixture of that database; and no other class runs on one database
/// unless it is a fault test that can only be staged on that database.
/// </summary>
public sealed class DatabaseTwinsTests
{
    /// <summary>Fault tests that need one database's own behaviour (a proxied PostgreSQL connection, SQLite's file lock).</summary>
    private static readonly Type[] SingleDatabaseTests = [typeof(DatabaseOutageTests), typeof(SqliteBusyTests)];

    [Fact]
    public void Every_integration_test_class_has_a_sealed_twin_for_each_database()
    {
        var problems = DatabaseTwins.Problems(typeof(DatabaseTwinsTests).Assembly.GetTypes(), typeof(PortalFixture), SingleDatabaseTests);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_check_finds_the_test_classes_at_all()
    {
        var classes = DatabaseTwins.IntegrationClasses(typeof(DatabaseTwinsTests).Assembly.GetTypes(), typeof(PortalFixture)).ToList();

        Assert.Contains(typeof(Security.AuthorizationMatrixTests<>), classes);
        Assert.True(classes.Count > 40, $"Only {classes.Count} integration test classes found");
    }

    [Fact]
    public void The_check_accepts_a_class_with_its_three_twins()
    {
        Assert.Empty(DatabaseTwins.Problems([typeof(FakeFixture), typeof(Complete<>), typeof(Complete_Sqlite), typeof(Complete_PostgreSql),
            typeof(Complete_SqlServer)], typeof(FakeFixture), []));
    }

    [Fact]
    public void The_check_names_a_class_without_its_SQL_Server_twin()
    {
        var problems = DatabaseTwins.Problems([typeof(FakeFixture), typeof(MissingOne<>), typeof(MissingOne_Sqlite), typeof(MissingOne_PostgreSql)],
            typeof(FakeFixture), []);

        Assert.Equal(["MissingOne<TFixture> has no SqlServer twin"], problems);
    }

    [Fact]
    public void The_check_refuses_an_unsealed_or_misnamed_twin_and_a_second_twin_for_one_database()
    {
        var problems = DatabaseTwins.Problems([typeof(Crooked<>), typeof(Crooked_Sqlite), typeof(CrookedOnPostgres), typeof(Crooked_SqlServer),
            typeof(Crooked_SqlServerAgain)], typeof(FakeFixture), []);

        Assert.Contains("Crooked_Sqlite is not sealed", problems);
        Assert.Contains("CrookedOnPostgres should be named Crooked_PostgreSql", problems);
        Assert.Contains("Crooked<TFixture> has 2 SqlServer twins", problems);
    }

    [Fact]
    public void The_check_refuses_a_class_that_runs_on_one_database_only()
    {
        var problems = DatabaseTwins.Problems([typeof(OnlySqlite)], typeof(FakeFixture), []);

        Assert.Equal(["OnlySqlite runs on one database only: make it an abstract generic class with three twins"], problems);
        Assert.Empty(DatabaseTwins.Problems([typeof(OnlySqlite)], typeof(FakeFixture), [typeof(OnlySqlite)]));
    }

    // A small fake world for proving the check: a fixture base, one fixture per database, test classes.
    public abstract class FakeFixture;

    public sealed class SqliteFakeFixture : FakeFixture;

    public sealed class PostgreSqlFakeFixture : FakeFixture;

    public sealed class SqlServerFakeFixture : FakeFixture;

    public abstract class FakeTests<TFixture>
        where TFixture : FakeFixture;

    public abstract class Complete<TFixture> : FakeTests<TFixture>
        where TFixture : FakeFixture;

    public sealed class Complete_Sqlite : Complete<SqliteFakeFixture>;

    public sealed class Complete_PostgreSql : Complete<PostgreSqlFakeFixture>;

    public sealed class Complete_SqlServer : Complete<SqlServerFakeFixture>;

    public abstract class MissingOne<TFixture> : FakeTests<TFixture>
        where TFixture : FakeFixture;

    public sealed class MissingOne_Sqlite : MissingOne<SqliteFakeFixture>;

    public sealed class MissingOne_PostgreSql : MissingOne<PostgreSqlFakeFixture>;

    public abstract class Crooked<TFixture> : FakeTests<TFixture>
        where TFixture : FakeFixture;

    // Unsealed on purpose: the check must refuse it.
    public class Crooked_Sqlite : Crooked<SqliteFakeFixture>;

    public sealed class CrookedOnPostgres : Crooked<PostgreSqlFakeFixture>;

    public sealed class Crooked_SqlServer : Crooked<SqlServerFakeFixture>;

    public sealed class Crooked_SqlServerAgain : Crooked<SqlServerFakeFixture>;

    public sealed class OnlySqlite : FakeTests<SqliteFakeFixture>;
}

/// <summary>Finds the integration test classes by reflection and what their database twins lack.</summary>
public static class DatabaseTwins
{
    public static IReadOnlyList<string> Databases { get; } = ["Sqlite", "PostgreSql", "SqlServer"];

    /// <summary>The abstract generic classes over a fixture (a database), below the root they all derive from (PortalTests).</summary>
    public static IEnumerable<Type> IntegrationClasses(IEnumerable<Type> types, Type fixtureBase) =>
        types.Where(t => t.IsAbstract && IsOverFixture(t, fixtureBase) && !IsRoot(t, fixtureBase));

    public static List<string> Problems(IEnumerable<Type> types, Type fixtureBase, IReadOnlyCollection<Type> singleDatabase)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(fixtureBase);
        var all = types.ToList();
        var problems = new List<string>();
        var twinned = new HashSet<Type>();
        foreach (var generic in IntegrationClasses(all, fixtureBase).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var name = generic.Name[..generic.Name.IndexOf('`', StringComparison.Ordinal)];
            var twins = all.Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == generic).ToList();
            twinned.UnionWith(twins);
            foreach (var database in Databases)
            {
                var mine = twins.Where(t => Database(t.BaseType!.GetGenericArguments()[0]) == database).ToList();
                if (mine.Count != 1)
                {
                    problems.Add(mine.Count == 0 ? $"{name}<TFixture> has no {database} twin" : $"{name}<TFixture> has {mine.Count} {database} twins");
                }

                foreach (var twin in mine)
                {
                    if (!twin.IsSealed)
                    {
                        problems.Add($"{twin.Name} is not sealed");
                    }

                    if (mine.Count == 1 && twin.Name != $"{name}_{database}")
                    {
                        problems.Add($"{twin.Name} should be named {name}_{database}");
                    }
                }
            }

            problems.AddRange(twins.Where(t => Database(t.BaseType!.GetGenericArguments()[0]) is null)
                .Select(t => $"{t.Name} runs on a fixture of no known database"));
        }

        // A concrete test class on one fixture that is nobody's twin runs on one database only.
        problems.AddRange(all.Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition && !twinned.Contains(t) && !singleDatabase.Contains(t)
                                         && t.BaseType is { IsGenericType: true } b && IsRoot(b.GetGenericTypeDefinition(), fixtureBase))
            .Select(t => $"{t.Name} runs on one database only: make it an abstract generic class with three twins"));
        return problems;
    }

    /// <summary>The database of a fixture, from its name (SqlitePortalFixture, PostgreSqlSignInEnumerationFixture, ...).</summary>
    private static string? Database(Type fixture) => Databases.FirstOrDefault(d => fixture.Name.StartsWith(d, StringComparison.Ordinal));

    /// <summary>A generic class definition whose one type parameter is a fixture.</summary>
    private static bool IsOverFixture(Type type, Type fixtureBase) =>
        type.IsGenericTypeDefinition && type.GetGenericArguments() is [var parameter]
                                     && parameter.GetGenericParameterConstraints().Any(fixtureBase.IsAssignableFrom);

    /// <summary>The base every integration test class derives from (PortalTests): over a fixture, its own base is not.</summary>
    private static bool IsRoot(Type type, Type fixtureBase) =>
        IsOverFixture(type, fixtureBase)
        && !(type.BaseType is { IsGenericType: true } baseType && IsOverFixture(baseType.GetGenericTypeDefinition(), fixtureBase));
}
