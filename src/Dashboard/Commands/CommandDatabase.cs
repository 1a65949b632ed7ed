using Microsoft.Extensions.Configuration;
using Telematics.Dashboard.Hosting;
using Telematics.Dashboard.Storage;

namespace Telematics.Dashboard.Commands;

/// <summary>
/// The dashboard database a command works on: --database when given, else what the dashboard
/// itself would use (Telematics:Dashboard:Database from appsettings.json and the environment).
/// </summary>
internal static class CommandDatabase
{
    public static DashboardDatabase Open(string? database)
    {
        if (database is null)
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .Build();
            database = configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>()?.Database ?? new DashboardOptions().Database;
        }

        return new DashboardDatabase(database);
    }
}
