using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Reports.Export;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Tickets;

/// <summary>The clerk's board: the department's open tickets (its own and those it co-handles; all departments for
/// admins), nearest deadline first, with counts per status, paging, search by number, phone or name, and the current
/// list as .xlsx.</summary>
public sealed class IndexModel(TicketBoard board, Taxonomy taxonomy, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // Not "page": Razor Pages keeps that route value for the page's own name.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public StaffMember Staff { get; private set; } = null!;
    public BoardPage Board { get; private set; } = null!;
    public IReadOnlyList<CategoryDefinition> Categories => taxonomy.Categories;
    public TicketBoard Tickets => board;

    private BoardFilter Filter => new(Status, Category, Overdue, Department, Q, PageNumber);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Staff = User.ToStaffMember()!;
        Board = await board.ListAsync(Staff, Filter, ct);
    }

    /// <summary>The current list, every page of it, as the board shows it (phones masked).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var tickets = await board.ExportAsync(User.ToStaffMember()!, Filter, ct);
        var table = new ReportTable("工单列表",
            ["编号", "类别", "办理部门", "协办部门", "状态", "紧急", "督办", "申请人", "与职工关系", "联系电话", "提交时间", "首次联系时限", "办结时限", "是否超时"],
            tickets.Select(t => (IReadOnlyList<object?>)[t.Number, CategoryName(t.Category), t.Department, string.Join("、", t.CoHandlers.Select(h => h.Department)),
                t.Status, t.Urgent ? "是" : "", t.Supervised ? "是" : "", Requester(t), t.RequesterRelation, PhoneMask.Mask(TicketSlots.Phone(t)),
                t.CreatedAt, t.FirstContactDue, t.ResolveDue, board.IsOverdue(t) ? "超时" : ""]).ToList());
        return File(ExcelWorkbook.Write([table]), ExcelWorkbook.ContentType, $"工单列表_{TicketCards.Local(time.GetUtcNow()).Replace("-", "").Replace(" ", "").Replace(":", "")}.xlsx");
    }

    public string CategoryName(string code) => taxonomy.Find(code)?.Name ?? code;

    public static string Requester(ServiceRequest t) => t.RequesterName ?? t.UserName ?? "—";

    /// <summary>This board with some filters changed (the page back to 1 unless given).</summary>
    public string Link(string? status = null, int page = 1, bool keepStatus = true, string? handler = null)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("handler", handler);
        Add("status", keepStatus ? Status : status);
        Add("category", Category);
        Add("department", Department);
        Add("q", Q);
        if (Overdue) query.Add("overdue=true");
        if (page > 1) query.Add($"p={page}");
        return "/console/tickets" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }
}
