using System.CommandLine;
using Telematics.Dashboard.Accounts;

namespace Telematics.Dashboard.Commands;

/// <summary>
/// <c>users add NAME --role ROLE</c> (the password is read from standard input, or prompted for
/// without echo), <c>users list</c>, <c>users disable NAME</c>: accounts in the dashboard database
/// (Telematics:Dashboard:Database, dashboard.db by default).
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var database = new Option<string?>("--database") { Description = "The dashboard database (default: Telematics:Dashboard:Database, dashboard.db)" };
        var command = new Command("users", "Manage dashboard accounts");

        var name = new Argument<string>("name") { Description = "The account name" };
        var role = new Option<string>("--role") { Description = "monitor | officer | admin", DefaultValueFactory = _ => Roles.Monitor };
        var add = new Command("add", "Create an account, or reset its password and role; the password is read from standard input (at least 10 characters)") { name, role, database };
        add.SetAction(parse =>
        {
            var password = ReadPassword();
            try
            {
                Store(parse.GetValue(database)).Upsert(parse.GetValue(name)!, parse.GetValue(role)!, password);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 2;
            }

            Console.WriteLine($"account {parse.GetValue(name)} ({parse.GetValue(role)}) saved");
            return 0;
        });

        var list = new Command("list", "List accounts") { database };
        list.SetAction(parse =>
        {
            foreach (var user in Store(parse.GetValue(database)).List())
            {
                Console.WriteLine($"{user.Name}\t{user.Role}\t{(user.Disabled ? "disabled" : "enabled")}\t{user.CreatedUtc:yyyy-MM-dd}");
            }

            return 0;
        });

        var disableName = new Argument<string>("name") { Description = "The account name" };
        var disable = new Command("disable", "Disable an account (its sessions end at their next request)") { disableName, database };
        disable.SetAction(parse =>
        {
            if (!Store(parse.GetValue(database)).SetDisabled(parse.GetValue(disableName)!, true))
            {
                Console.Error.WriteLine($"error: no account {parse.GetValue(disableName)}");
                return 1;
            }

            return 0;
        });

        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(disable);
        return command;
    }

    private static UserStore Store(string? database) => new(CommandDatabase.Open(database));

    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return (Console.In.ReadLine() ?? string.Empty).TrimEnd('\r', '\n');
        }

        Console.Write("password: ");
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return password.ToString();
    }
}
