using HuaXin.Bot.DingTalk;
using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Pages.Console;

public sealed class LoginModel(ConsoleAccounts accounts, IOptions<ConsoleOptions> options, IOptions<DingTalkOptions> dingTalk) : PageModel
{
    private static readonly Dictionary<string, string> DingTalkErrors = new()
    {
        ["dingtalk-expired"] = "钉钉登录已过期或未完成，请重新点“使用钉钉登录”。",
        ["dingtalk-unconfirmed"] = "钉钉没有确认您的身份，请在钉钉里重新打开链接再试。",
        ["dingtalk-not-staff"] = "您的钉钉账号不在工作人员名单中，不能办理工单。请联系党委工作部把您加入名单。",
    };

    public string? Error { get; private set; }
    public string? UserName { get; private set; }
    public string? ReturnUrl { get; private set; }
    public bool OidcEnabled => options.Value.Oidc.Enabled;
    public bool DingTalkEnabled => DingTalkLogin.IsEnabled(dingTalk.Value, options.Value);

    public void OnGet(string? returnUrl, string? error)
    {
        ReturnUrl = returnUrl;
        Error = error is null ? null : DingTalkErrors.GetValueOrDefault(error);
    }

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl)
    {
        ReturnUrl = returnUrl;
        UserName = userName;
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "local";
        var (result, principal) = await accounts.SignInAsync(userName ?? "", password ?? "", client, HttpContext.RequestAborted);
        if (result != LoginResult.Success)
        {
            Error = result == LoginResult.LockedOut
                ? $"登录失败次数过多，账号已暂时锁定，请 {options.Value.LockoutMinutes} 分钟后再试。"
                : "用户名或密码不正确。";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await HttpContext.SignInAsync(ConsoleExtensions.Scheme, principal!);
        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    public IActionResult OnPostOidc(string? returnUrl) => OidcEnabled
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, ConsoleOidc.Scheme)
        : NotFound();

    private string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && Url.IsLocalUrl(returnUrl) ? ConsoleExtensions.SafeReturnUrl(returnUrl) : "/console/tickets";
}
