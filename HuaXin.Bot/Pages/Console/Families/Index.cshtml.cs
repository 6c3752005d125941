using HuaXin.Bot.Reports.Archive;
using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Families;

/// <summary>Families whose archive the staff member may read, searchable by 工号, name or unit.</summary>
public sealed class IndexModel(ServiceArchive archive) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<FamilyArchive> Families { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var staff = User.ToStaffMember()!;
        var q = Q?.Trim();
        Families = (await archive.ForUnitAsync(null, ct))
            .Where(staff.MayRead)
            .Where(f => string.IsNullOrEmpty(q) || f.StaffId.Contains(q) || f.WorkerName.Contains(q) || f.Unit.Contains(q))
            .ToList();
    }
}
