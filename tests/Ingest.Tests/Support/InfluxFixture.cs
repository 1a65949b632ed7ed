namespace Telematics.Ingest.Tests.Support;

/// <summary>One influxd shared by the tests of a class (each test uses its own database).</summary>
public sealed class InfluxFixture : IAsyncLifetime
{
    private InfluxServer? _server;

    public InfluxServer Server => _server ?? throw new InvalidOperationException("influxd not started");

    public static string NewDatabase() => "t" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync() => _server = await InfluxServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
