using System.Globalization;
using HuaXin.Bot.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HuaXin.Bot.StaffConsole;

/// <summary>Refuses a report page's period query the reports cannot be drawn for (year 0001, a span of millennia) with
/// 400 and the reason, before any handler or export runs.</summary>
public sealed class ReportPeriodFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var query = context.HttpContext.Request.Query;
        var problem = ReportPeriodQuery.Problem(Date(query["from"]), Date(query["to"]), Number(query["year"]), Number(query["quarter"]));
        if (problem is not null)
        {
            context.Result = new ContentResult { StatusCode = StatusCodes.Status400BadRequest, Content = problem, ContentType = "text/plain; charset=utf-8" };
            return;
        }
        await next();
    }

    private static DateOnly? Date(string? text) => DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date) ? date : null;

    private static int? Number(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
