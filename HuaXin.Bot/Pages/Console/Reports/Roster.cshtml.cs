using HuaXin.Bot.Reports.Roster;
using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Reports;

/// <summary>Roster upload (admins): workers and family members from .xlsx/.csv, all-or-nothing with a report of bad rows.</summary>
[Authorize(Policy = ConsolePolicies.Admin)]
[RequestSizeLimit(MaxUpload)]
public sealed class RosterModel(RosterImporter importer) : PageModel
{
    private const int MaxUpload = 20 * 1024 * 1024;

    public RosterImportResult? Result { get; private set; }

    public string? Error { get; private set; }

    public async Task OnPostAsync(IFormFile? workers, IFormFile? families, CancellationToken cancellationToken)
    {
        if (workers is null || workers.Length == 0)
        {
            Error = "请选择职工名单文件（.xlsx 或 .csv）。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        try
        {
            var workerTable = await ReadAsync(workers, cancellationToken);
            var familyTable = families is { Length: > 0 } ? await ReadAsync(families, cancellationToken) : null;
            Result = await importer.ImportAsync(workerTable, familyTable, cancellationToken);
        }
        catch (RosterFormatException e)
        {
            Error = e.Message;
        }
        // A refused upload says so in the status too, not only on the page.
        if (Error is not null || Result is { Imported: false })
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    // MiniExcel needs a seekable stream; uploads are small enough to hold in memory.
    private static async Task<RosterTable> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return RosterTable.Read(buffer, file.FileName);
    }
}
