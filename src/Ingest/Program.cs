using System.CommandLine;
using Telematics.Ingest.Commands;
using Telematics.Ingest.Hosting;

// The worker's executable: with no verb it runs the ingest worker (configuration from
// appsettings.json, Telematics__* environment variables and --Telematics:Key=value arguments);
// "decode" decodes device frames given as hex.
var root = new RootCommand("Telematics ingest worker: device listeners (Teltonika 5027, GT06 5023, JT808 5015), pipeline, live state")
{
    DecodeCommand.Create(),
    ReplayCommand.Create(),
    Telematics.Ingest.Mqtt.Endpoint.MqttPasswordCommand.Create(),
};
root.TreatUnmatchedTokensAsErrors = false;
root.SetAction(async (parse, cancellationToken) =>
{
    var app = IngestHost.Create(parse.UnmatchedTokens.ToArray());
    await app.RunAsync(cancellationToken).ConfigureAwait(false);
    return 0;
});
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
