using Telematics.Dashboard.Accounts;

namespace Telematics.Dashboard.CaseReview;

/// <summary>The accounts a case can be assigned to: enabled officers and admins.</summary>
public sealed class OfficerDirectory(UserStore users)
{
    public IReadOnlyList<string> Names() =>
        users.List().Where(u => !u.Disabled && u.Role is Roles.Officer or Roles.Admin).Select(u => u.Name).ToArray();

    public bool IsOfficer(string name) =>
        users.Find(name) is { Disabled: false, Role: Roles.Officer or Roles.Admin };
}
