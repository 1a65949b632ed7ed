using Telematics.Dashboard.Tests.Support;

namespace Telematics.Dashboard.Tests.Admin;

/// <summary>A dashboard whose device registry and scenario are files of its own (copies), so that uploads never touch the shipped scenario.</summary>
public sealed class AdminFixture : IDisposable
{
    public AdminFixture()
    {
        ScenarioDirectory = Path.Combine(Path.GetTempPath(), "telematics-admin-scenario-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(ScenarioDirectory);
        ScenarioPath = Path.Combine(ScenarioDirectory, "lang-son.geojson");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "scenarios", "lang-son.geojson"), ScenarioPath);
        Factory = new DashboardFactory(("Telematics:Rules:Scenario", ScenarioPath));
        RegistryPath = Path.Combine(Factory.Directory, "devices.json");
    }

    public DashboardFactory Factory { get; }

    public string ScenarioDirectory { get; }

    public string ScenarioPath { get; }

    public string RegistryPath { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Directory.Delete(ScenarioDirectory, recursive: true);
    }
}
