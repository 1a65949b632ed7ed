using Microsoft.Extensions.Options;
using Telematics.Dashboard.Hosting;

namespace Telematics.Dashboard.Accounts;

/// <summary>
/// At start, when no account exists: creates the first admin from Telematics__Dashboard__Admin__User
/// and __Password if they are set, or logs how to create one. There is never a built-in password.
/// </summary>
internal sealed partial class FirstAdminService(UserStore users, IOptions<DashboardOptions> options, ILogger<FirstAdminService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (users.Count() > 0)
        {
            return Task.CompletedTask;
        }

        var admin = options.Value.Admin;
        if (!string.IsNullOrWhiteSpace(admin.User) && !string.IsNullOrEmpty(admin.Password))
        {
            try
            {
                users.Upsert(admin.User, Roles.Admin, admin.Password);
                LogCreated(admin.User);
            }
            catch (ArgumentException ex)
            {
                LogRefused(admin.User, ex.Message);
            }
        }
        else
        {
            LogNoAccount();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "First admin account {User} created from the environment")]
    private partial void LogCreated(string user);

    [LoggerMessage(Level = LogLevel.Error, Message = "First admin account {User} not created: {Reason}")]
    private partial void LogRefused(string user, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No dashboard account exists yet. Create the first admin: telematics-dashboard users add <name> --role admin (or set Telematics__Dashboard__Admin__User and Telematics__Dashboard__Admin__Password)")]
    private partial void LogNoAccount();
}
