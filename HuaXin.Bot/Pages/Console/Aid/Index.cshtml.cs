using HuaXin.Bot.Families.Records;
using HuaXin.Bot.People;
using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Aid;

/// <summary>帮扶救助 cases the department leads or co-handles, open ones first by their approval deadline.</summary>
public sealed class IndexModel(AidCases cases, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public IReadOnlyList<(AidCase Case, Worker Family)> Cases { get; private set; } = [];
    public DateTimeOffset Now => time.GetUtcNow();

    public async Task OnGetAsync(CancellationToken ct) => Cases = await cases.ListAsync(User.ToStaffMember()!, !All, ct);
}
