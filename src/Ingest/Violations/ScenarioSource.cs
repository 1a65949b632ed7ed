using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telematics.Rules.Engine;
using Telematics.Rules.Profiles;
using Telematics.Rules.Scenario;

namespace Telematics.Ingest.Violations;

/// <summary>
/// The rule engine in force: the scenario file built into a map, with the configured profile.
/// The file is polled; a changed file is built anew and swapped in atomically (rule state names
/// zones, so no state is lost); a file that does not load is reported and the previous map stays.
/// </summary>
public sealed class ScenarioSource : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private readonly ILogger<ScenarioSource> _logger;
    private readonly JurisdictionProfile _profile;
    private readonly string? _path;
    private DateTime _loadedWriteTime;
    private volatile RuleEngine _engine;

    public ScenarioSource(IOptions<RulesOptions> options, ILogger<ScenarioSource> logger)
    {
        _logger = logger;
        _profile = JurisdictionProfiles.Find(options.Value.Profile)
            ?? throw new InvalidOperationException($"unknown rules profile \"{options.Value.Profile}\": use {string.Join(", ", JurisdictionProfiles.All.Select(p => p.Name))}");
        _path = Resolve(options.Value.Scenario);
        _engine = new RuleEngine(ScenarioMap.Empty, _profile);
        if (_path is null)
        {
            _logger.LogWarning("Scenario {Scenario} not found: rules run with the {Profile} defaults only (no corridors, zones or routes)", options.Value.Scenario, _profile.Name);
        }
        else
        {
            Reload();
        }
    }

    public RuleEngine Engine => _engine;

    public string? Path => _path;

    /// <summary>Why the last reload failed (the previous scenario stays in force), or null after a good load.</summary>
    public string? LastError { get; private set; }

    public static string? Resolve(string path)
    {
        if (File.Exists(path))
        {
            return System.IO.Path.GetFullPath(path);
        }

        var besideExecutable = System.IO.Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(besideExecutable) ? besideExecutable : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_path is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (File.GetLastWriteTimeUtc(_path) != _loadedWriteTime)
                {
                    Reload();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Reload()
    {
        var writeTime = File.GetLastWriteTimeUtc(_path!);
        try
        {
            var map = ScenarioFile.Load(_path!);
            _engine = new RuleEngine(map, _profile);
            LastError = null;
            _logger.LogInformation("Scenario {Name} loaded from {Path}: {Zones} zones, profile {Profile}", map.Name, _path, map.Zones.Count, _profile.Name);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or IOException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            LastError = ex.Message;
            _logger.LogError("Scenario {Path} not loaded, keeping the previous one: {Reason}", _path, ex.Message);
        }

        _loadedWriteTime = writeTime;
    }
}
