using HuaXin.Bot.Families;
using HuaXin.Bot.Families.Tracking;
using HuaXin.Bot.Reports.Archive;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Pages.Console.Families;

/// <summary>一户一档: the worker, the family members, the 联络员 and the next home visit, the timeline of everything done
/// for the family (动态追踪), and the ways to record more.</summary>
public sealed class ArchiveModel(ServiceArchive archive, FamilyAccess access, Liaisons liaisons, IOptionsMonitor<VisitRuleOptions> rules, TimeProvider time) : PageModel
{
    public FamilyArchive Family { get; private set; } = null!;
    public StaffMember Staff { get; private set; } = null!;
    public bool KeepsArchives => access.KeepsArchives(Staff);
    public VisitRuleOptions Rules => rules.CurrentValue;
    public DateTimeOffset Now => time.GetUtcNow();
    [TempData] public string? Message { get; set; }
    [TempData] public bool MessageOk { get; set; }

    public async Task<IActionResult> OnGetAsync(string staffId, CancellationToken ct) =>
        await LoadAsync(staffId, ct) ? Page() : NotFound();

    /// <summary>Sets the 联络员 (by 工号) and the 重点服务家庭 mark.</summary>
    public async Task<IActionResult> OnPostLiaisonAsync(string staffId, string? liaison, bool priority, CancellationToken ct)
    {
        if (!await LoadAsync(staffId, ct))
        {
            return NotFound();
        }
        var outcome = await liaisons.SetAsync(staffId, liaison, priority, Staff, ct);
        (Message, MessageOk) = (outcome.Message, outcome.Ok);
        return Redirect($"/console/families/{Uri.EscapeDataString(staffId)}");
    }

    private async Task<bool> LoadAsync(string staffId, CancellationToken ct)
    {
        Staff = User.ToStaffMember()!;
        var family = await archive.GetAsync(staffId, ct);
        if (family is null || !access.MayRead(Staff, family, await access.RosterStaffIdAsync(Staff, ct)))
        {
            return false;
        }
        Family = family;
        return true;
    }
}
