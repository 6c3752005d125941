using HuaXin.Bot.Reports.Records;
using HuaXin.Bot.Reports.Roster;
using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Import;

/// <summary>Imports 走访, 慰问, the volunteer roster or volunteer hours kept in Excel: all-or-nothing, with a report of bad rows.</summary>
[Authorize(Policy = ConsolePolicies.FamilyService)]
[RequestSizeLimit(MaxUpload)]
public sealed class IndexModel(RecordImporter importer) : PageModel
{
    private const int MaxUpload = 20 * 1024 * 1024;

    [BindProperty(SupportsGet = true)] public RecordKind Kind { get; set; } = RecordKind.Visits;
    public RecordImportResult? Result { get; private set; }
    public string? Error { get; private set; }

    public static IReadOnlyList<RecordKind> Kinds => Enum.GetValues<RecordKind>();

    public void OnGet()
    {
    }

    public async Task OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(Kind))
        {
            Fail("请选择要导入的记录类型。");
            return;
        }
        if (file is null || file.Length == 0)
        {
            Fail("请选择要导入的文件（.xlsx 或 .csv）。");
            return;
        }
        try
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            Result = await importer.ImportAsync(Kind, RosterTable.Read(buffer, file.FileName), User.ToStaffMember()!, ct);
            if (!Result.Succeeded)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }
        catch (RosterFormatException e)
        {
            Fail(e.Message);
        }
    }

    private void Fail(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
