using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console;

/// <summary>Sign-out is a POST (with the antiforgery token) so a foreign page cannot log staff out.</summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/console/tickets");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsoleExtensions.Scheme);
        return Redirect("/console/login");
    }
}
