using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace LeerlingzorgPortal.SystemTests;

/// <summary>
/// One real portal process: <c>dotnet LeerlingzorgPortal.Web.dll</c> from the Web project's build output, on a
/// free loopback port, with its settings in environment variables. Its console output is kept for failure
/// messages; disposing kills it (SIGKILL) if it still runs.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _workFolder;

    private PortalProcess(string name, Process process, Uri address, string workFolder)
    {
        Name = name;
        _process = process;
        Address = address;
        _workFolder = workFolder;
    }

    public string Name { get; }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Every line the process wrote to standard output and standard error so far.</summary>
    public IReadOnlyList<string> Lines => [.. _output];

    public static string WebAssembly => Metadata("PortalWebAssembly");

    public static string ContentRoot => Metadata("PortalContentRoot");

    /// <summary>Starts the portal; returns once it has been launched (see <see cref="WaitUntilReadyAsync"/>).</summary>
    public static PortalProcess Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(WebAssembly))
        {
            throw new InvalidOperationException($"The portal is not built at {WebAssembly}; build the solution first.");
        }

        var port = FreePort();
        var address = new Uri($"https://127.0.0.1:{port}");
        var workFolder = Path.Combine(Path.GetTempPath(), "lzp-system", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workFolder);
        var start = new ProcessStartInfo(DotnetHost(), [WebAssembly])
        {
            WorkingDirectory = workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                                                             || k.StartsWith("DOTNET_STARTUP_HOOKS", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_CONTENTROOT"] = ContentRoot;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // A relative log path is resolved against the content root (the source folder): keep the files here.
        start.Environment["Logging__File__Path"] = Path.Combine(workFolder, "logs", "portal-.log");
        start.Environment["Kestrel__Certificates__Default__Path"] = TestCertificate.PfxPath;
        start.Environment["Kestrel__Certificates__Default__Password"] = TestCertificate.Password;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var portal = new PortalProcess(name, process, address, workFolder);
        process.OutputDataReceived += (_, e) => portal.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return portal;
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200; fails with the process output when it does not in time.</summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient(TestCertificate.Handler()) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.TrueAsync(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Portal {Name} exited with code {_process.ExitCode} before it was ready.\n{OutputText()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }, ReadyTimeout, () => $"Portal {Name} was not ready on {Address} within {ReadyTimeout.TotalSeconds} s.\n{OutputText()}",
            cancellationToken);
    }

    /// <summary>kill -9: <see cref="Process.Kill()"/> sends SIGKILL on Linux; no shutdown code runs.</summary>
    public async Task KillHardAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    public string OutputText(int lastLines = 80) => string.Join('\n', Lines.TakeLast(lastLines));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillHardAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workFolder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being closed; it is in the temp folder.
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Metadata(string key) =>
        typeof(PortalProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}

/// <summary>Polling with a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(failure);
        var deadline = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(Interval);
        while (!await condition())
        {
            if (deadline.Elapsed > timeout)
            {
                Assert.Fail(failure());
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }
}
