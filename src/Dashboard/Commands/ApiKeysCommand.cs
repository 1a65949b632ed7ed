using System.CommandLine;
using System.Globalization;
using Telematics.Dashboard.Api;

namespace Telematics.Dashboard.Commands;

/// <summary>
/// <c>api-keys add AGENCY --scope cases:read --scope positions:read</c> (prints the key once),
/// <c>api-keys list</c>, <c>api-keys revoke ID</c>: agencies' API keys in the dashboard database,
/// for scripts that provision agencies without the admin page.
/// </summary>
internal static class ApiKeysCommand
{
    public static Command Create()
    {
        var database = new Option<string?>("--database") { Description = "The dashboard database (default: Telematics:Dashboard:Database, dashboard.db)" };
        var command = new Command("api-keys", "Manage the API keys of other agencies (police, finance, health)");

        var agency = new Argument<string>("agency") { Description = "The agency the key is for, e.g. \"Công an tỉnh Lạng Sơn\"" };
        var scopes = new Option<string[]>("--scope") { Description = "cases:read | positions:read (repeat for both)", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var add = new Command("add", "Create a key; it is printed once and never stored in clear") { agency, scopes, database };
        add.SetAction(parse =>
        {
            try
            {
                var created = Store(parse.GetValue(database)).Create(parse.GetValue(agency)!, parse.GetValue(scopes) ?? [], Environment.UserName);
                Console.Error.WriteLine($"key {created.Info.Id} for {created.Info.Agency} ({string.Join(' ', created.Info.Scopes)}); copy it now, it is not shown again:");
                Console.WriteLine(created.Key);
                return 0;
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 2;
            }
        });

        var list = new Command("list", "List keys: id, agency, scopes, key prefix, created, last used, state") { database };
        list.SetAction(parse =>
        {
            foreach (var key in Store(parse.GetValue(database)).List())
            {
                Console.WriteLine(string.Join('\t',
                    key.Id.ToString(CultureInfo.InvariantCulture),
                    key.Agency,
                    string.Join(',', key.Scopes),
                    key.Prefix + "…",
                    Format(key.CreatedUtc),
                    key.LastUsedUtc is { } used ? Format(used) : "never used",
                    key.RevokedUtc is { } revoked ? "revoked " + Format(revoked) : "active"));
            }

            return 0;
        });

        var id = new Argument<long>("id") { Description = "The key's id (from list)" };
        var revoke = new Command("revoke", "Revoke a key: requests with it are refused from now on") { id, database };
        revoke.SetAction(parse =>
        {
            if (!Store(parse.GetValue(database)).Revoke(parse.GetValue(id), Environment.UserName))
            {
                Console.Error.WriteLine($"error: no active key {parse.GetValue(id)}");
                return 1;
            }

            Console.WriteLine($"key {parse.GetValue(id)} revoked");
            return 0;
        });

        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(revoke);
        return command;
    }

    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static ApiKeyStore Store(string? database) => new(CommandDatabase.Open(database));
}
