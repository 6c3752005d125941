using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Pages.Console;

public sealed class LoginModel(ConsoleAccounts accounts, IOptions<ConsoleOptions> options) : PageModel
{
    public string? Error { get; private set; }
    public string? UserName { get; private set; }
    public string? ReturnUrl { get; private set; }
    public bool OidcEnabled => options.Value.Oidc.Enabled;

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl)
    {
        ReturnUrl = returnUrl;
        UserName = userName;
        var (result, principal) = accounts.SignIn(userName ?? "", password ?? "");
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

    // Only local console paths: an attacker's link must not turn the login into an open redirect.
    private string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/console", StringComparison.OrdinalIgnoreCase) ? returnUrl : "/console/tickets";
}
