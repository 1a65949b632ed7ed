using Microsoft.Extensions.DependencyInjection;
using Telematics.Ingest.Cases;
using Telematics.Ingest.Pipeline;
using Telematics.Ingest.Tests.Support;
using Telematics.Rules.Cases;

namespace Telematics.Ingest.Tests.Violations;

public sealed class RulesRestartTests
{
    [Fact]
    public async Task A_worker_restart_in_the_middle_of_a_speeding_episode_neither_loses_nor_repeats_the_case()
    {
        var directory = Path.Combine(Path.GetTempPath(), "telematics-restart-" + Guid.NewGuid().ToString("N"));
        var registry = """{"devices":[{"deviceId":"356307040000001","plate":"12C-100.00","vehicleClass":"tractor-semitrailer"}]}""";
        var track = LangSonTrack.SpeedingTractor("356307040000001");

        await using (var first = await WorkerHost.StartInAsync(directory, registry))
        {
            first.KeepDirectory = true;
            foreach (var record in track.Take(12))
            {
                await first.Services.GetRequiredService<IngestPipeline>().EnqueueAsync(record);
            }

            await Eventually.True(() => first.Recorder.Received.Count == 12, "first half delivered");
            Assert.Empty(await first.Services.GetRequiredService<SqliteCaseStore>().ListAsync());
        }

        await using var second = await WorkerHost.StartInAsync(directory, registry);
        foreach (var record in track.Skip(12))
        {
            await second.Services.GetRequiredService<IngestPipeline>().EnqueueAsync(record);
        }

        await Eventually.True(() => second.Recorder.Received.Count == 12, "second half delivered");
        var store = second.Services.GetRequiredService<SqliteCaseStore>();
        await Eventually.True(() => store.ListAsync().Result.Count == 1, "the case stored");

        var c = Assert.Single(await store.ListAsync()).Case;
        Assert.Equal(CaseKinds.Speeding, c.Kind);
        Assert.Equal(LangSonTrack.T0.AddSeconds(70), c.Start);
        Assert.Equal(110, c.Measured["durationS"]);
    }
}
