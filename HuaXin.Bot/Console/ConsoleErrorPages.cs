using System.Net;

namespace HuaXin.Bot.StaffConsole;

/// <summary>Chinese pages for console responses that would otherwise reach the browser empty (400, 403, 404, 405), so
/// staff see what happened and a way back instead of the browser's own English page.</summary>
public static class ConsoleErrorPages
{
    private static readonly Dictionary<int, (string Title, string Text)> Pages = new()
    {
        [400] = ("请求无效", "页面已过期或提交的内容不完整，请返回后刷新页面再试一次。"),
        [403] = ("无权访问", "您的账号没有查看此页面的权限。"),
        [404] = ("找不到这个页面", "要找的工单、家庭或页面不存在，或不归您的部门办理。"),
        [405] = ("请求无效", "这个页面不能这样打开，请从菜单进入。"),
    };

    public static async Task WriteIfEmptyAsync(HttpContext context)
    {
        var response = context.Response;
        if (response.HasStarted || response.ContentLength > 0 || response.ContentType is not null || !Pages.TryGetValue(response.StatusCode, out var page))
        {
            return;
        }
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{page.Title} · 华新亲情服务工作台</title><link rel="stylesheet" href="/console/console.css" /></head>
            <body><header class="console-header"><a class="console-brand" href="/console/tickets">华新亲情服务工作台</a></header>
            <main class="console-main"><div class="card"><h1>{page.Title}</h1><p>{WebUtility.HtmlEncode(page.Text)}</p>
            <p><a href="/console/tickets">返回工单</a> · <a href="/console/families">家庭档案</a></p></div></main></body>
            </html>
            """, context.RequestAborted);
    }
}
