using HuaXin.Bot.Data;
using HuaXin.Bot.Reports.KnowledgeUpkeep;
using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Knowledge;

/// <summary>知识库维护 (admins): documents in and out with immediate re-index, the unanswered and 没用 logs, and the curated 问题库.</summary>
[Authorize(Policy = ConsolePolicies.Admin)]
[RequestSizeLimit(MaxUpload)]
public sealed class IndexModel(KnowledgeDocumentManager documents, KnowledgeFeedbackLog log, CuratedAnswerStore curated) : PageModel
{
    private const int MaxUpload = 20 * 1024 * 1024;
    private const int LogSize = 100;

    public IReadOnlyList<KnowledgeFile> Files { get; private set; } = [];
    public IReadOnlyList<UnansweredQuestion> Unanswered { get; private set; } = [];
    public IReadOnlyList<AnswerFeedbackRow> NotHelpful { get; private set; } = [];
    public IReadOnlyList<CuratedAnswer> Curated { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool Failed { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Files = await documents.ListAsync(cancellationToken);
        Unanswered = await log.UnansweredAsync(LogSize, cancellationToken);
        NotHelpful = await log.NotHelpfulAsync(LogSize, cancellationToken);
        Curated = await curated.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return await RefusedAsync("请选择要上传的文档。", cancellationToken);
        }
        await using var content = file.OpenReadStream();
        var change = await documents.SaveAsync(file.FileName, content, cancellationToken);
        return change.Ok ? Done(true, change.Message) : await RefusedAsync(change.Message, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string path, CancellationToken cancellationToken)
    {
        var change = await documents.RemoveAsync(path, cancellationToken);
        return Done(change.Ok, change.Message);
    }

    public async Task<IActionResult> OnPostPinAsync(string? question, string? docId, string? heading, CancellationToken cancellationToken)
    {
        var error = await curated.SaveAsync(question ?? "", docId ?? "", heading ?? "", User.ToStaffMember()?.Name ?? User.Identity?.Name ?? "", cancellationToken);
        return Done(error is null, error ?? $"已将“{question}”指定为《{docId}》{heading}。");
    }

    public async Task<IActionResult> OnPostUnpinAsync(long id, CancellationToken cancellationToken)
    {
        await curated.DeleteAsync(id, cancellationToken);
        return Done(true, "已删除该问题的指定解答。");
    }

    /// <summary>A refused upload: the page with the reason, answered 400, nothing changed.</summary>
    private async Task<IActionResult> RefusedAsync(string message, CancellationToken cancellationToken)
    {
        Message = message;
        Failed = true;
        await OnGetAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    // Post/redirect/get, so a refresh does not upload or delete twice.
    private RedirectToPageResult Done(bool ok, string message)
    {
        Message = message;
        Failed = !ok;
        return RedirectToPage();
    }
}
