using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console;

/// <summary>Sign-out is a POST (with the antiforgery token) so a foreign page cannot log staff out. It revokes the
/// session, so a copy of the cookie is worthless afterwards.</summary>
public sealed class LogoutModel(ConsoleSessions sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/console/tickets");

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.RevokeAsync(User, HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(ConsoleExtensions.Scheme);
        return Redirect("/console/login");
    }
}
