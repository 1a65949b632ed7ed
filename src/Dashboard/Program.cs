using System.CommandLine;
using Telematics.Dashboard.Commands;
using Telematics.Dashboard.Hosting;

// The dashboard's executable: with no verb it runs the dashboard (all-in-one by default: the
// ingest worker and a simulated fleet in the same process); "users" manages accounts.
var root = new RootCommand("Telematics dashboard: live fleet map, border gates, case review, reports and the agency API (http://localhost:8080)")
{
    UsersCommand.Create(),
    ApiKeysCommand.Create(),
};
root.TreatUnmatchedTokensAsErrors = false;
root.SetAction(async (parse, cancellationToken) =>
{
    var app = DashboardHost.Create(parse.UnmatchedTokens.ToArray());
    await app.RunAsync(cancellationToken).ConfigureAwait(false);
    return 0;
});
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
