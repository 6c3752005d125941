using HuaXin.Bot.Reports.Archive;
using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Families;

/// <summary>Families whose archive the staff member may read, searchable by 工号, name or unit.</summary>
public sealed class IndexModel(ServiceArchive archive) : PageModel
{
    /// <summary>A group's roster runs to tens of thousands of families: the page lists this many and asks for a search.</summary>
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<FamilyArchive> Families { get; private set; } = [];

    /// <summary>How many families matched, of which <see cref="Families"/> holds the first <see cref="PageSize"/>.</summary>
    public int Matched { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var staff = User.ToStaffMember()!;
        var q = Q?.Trim();
        var matched = (await archive.ForUnitAsync(null, ct))
            .Where(staff.MayRead)
            .Where(f => string.IsNullOrEmpty(q) || f.StaffId.Contains(q) || f.WorkerName.Contains(q) || f.Unit.Contains(q))
            .ToList();
        Matched = matched.Count;
        Families = matched.Take(PageSize).ToList();
    }
}
