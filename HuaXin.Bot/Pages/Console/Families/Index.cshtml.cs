using HuaXin.Bot.Families;
using HuaXin.Bot.Reports.Archive;
using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Families;

/// <summary>Families whose archive the staff member may read, searchable by 工号, name, unit or 联络员; a 联络员 can list
/// just their own families.</summary>
public sealed class IndexModel(ServiceArchive archive, FamilyAccess access, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    /// <summary>A group's roster runs to tens of thousands of families: the page lists this many and asks for a search.</summary>
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }

    public IReadOnlyList<FamilyArchive> Families { get; private set; } = [];
    public string? MyStaffId { get; private set; }
    public bool MayImport { get; private set; }
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>How many families matched, of which <see cref="Families"/> holds the first <see cref="PageSize"/>.</summary>
    public int Matched { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var staff = User.ToStaffMember()!;
        MyStaffId = await access.RosterStaffIdAsync(staff, ct);
        MayImport = (await authorization.AuthorizeAsync(User, ConsolePolicies.FamilyService)).Succeeded;
        var q = Q?.Trim();
        var matched = (await archive.ForUnitAsync(null, ct))
            .Where(f => access.MayRead(staff, f, MyStaffId))
            .Where(f => !Mine || (MyStaffId is not null && f.Liaison?.StaffId == MyStaffId))
            .Where(f => string.IsNullOrEmpty(q) || f.StaffId.Contains(q) || f.WorkerName.Contains(q) || f.Unit.Contains(q) || (f.Liaison?.Name.Contains(q) ?? false))
            .ToList();
        Matched = matched.Count;
        Families = matched.Take(PageSize).ToList();
    }
}
