using System.Diagnostics;
using System.Globalization;
using BoardGenerator;
using LeerlingzorgPortal.Web.Infrastructure.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: Database__Provider=Sqlite|PostgreSql ConnectionStrings__Portal="..." \
//        dotnet BoardGenerator.dll [--pupils 20000] [--seed 2026] [--facts facts.env]
//        dotnet BoardGenerator.dll --drop   (deletes the configured database)
// Migrates the database with the app's own step, then fills it with a board of the given size.
// Writes the ids the benchmark needs (accounts, the worst-case pupil, a case, a meeting) as shell
// variables to --facts.
var pupils = 20_000;
var seed = 2026;
string? factsPath = null;
var drop = args.Contains("--drop");
for (var i = 0; i + 1 < args.Length && !drop; i += 2)
{
    switch (args[i])
    {
        case "--pupils":
            pupils = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--seed":
            seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--facts":
            factsPath = args[i + 1];
            break;
        default:
            await Console.Error.WriteLineAsync($"Unknown option {args[i]}");
            return 1;
    }
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddPortalDatabase();
using var host = builder.Build();

if (drop)
{
    // After a PostgreSQL run: remove the run's database again.
    await using var scope = host.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<LeerlingzorgPortal.Data.PortalDbContext>().Database.EnsureDeletedAsync();
    return 0;
}

var watch = Stopwatch.StartNew();
var applied = await DatabaseInitializer.PrepareAsync(host.Services, migrate: true);
Console.WriteLine($"Migrated ({applied} migrations) in {watch.Elapsed.TotalSeconds:0.0} s");

var sizes = BoardSizes.For(pupils);
var generator = new BoardLoader(host.Services.GetRequiredService<IServiceScopeFactory>(), sizes, seed, DateTimeOffset.UtcNow);
var facts = await generator.LoadAsync();
Console.WriteLine($"Loaded in {watch.Elapsed.TotalSeconds:0.0} s: {generator.Counts}");
if (factsPath is not null)
{
    await File.WriteAllLinesAsync(factsPath, facts.Select(f => $"{f.Key}={f.Value}"));
}

return 0;
