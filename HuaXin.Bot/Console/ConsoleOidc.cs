using System.Security.Claims;
using HuaXin.Bot.Core;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace HuaXin.Bot.StaffConsole;

/// <summary>Optional sign-in through the group's OpenID Connect provider; its claims are mapped onto console claims.</summary>
public static class ConsoleOidc
{
    public const string Scheme = "ConsoleOidc";

    public static AuthenticationBuilder AddConsoleOidc(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var oidc = configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>()?.Oidc ?? new ConsoleOidcOptions();
        if (!oidc.Enabled)
        {
            return authentication;
        }
        return authentication.AddOpenIdConnect(Scheme, o =>
        {
            o.SignInScheme = ConsoleExtensions.Scheme;
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.CallbackPath = "/console/signin-oidc";
            o.SignedOutCallbackPath = "/console/signout-oidc";
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile" })
            {
                o.Scope.Add(scope);
            }
            o.Events.OnTokenValidated = context =>
            {
                var user = context.Principal!;
                var department = user.FindFirstValue(oidc.DepartmentClaim);
                var subject = user.FindFirstValue("sub");
                if (subject is null || department is null || !Departments.IsKnown(department))
                {
                    // Signed in at the provider but not one of the service's departments: no console session.
                    context.Fail("No known department claim.");
                    return Task.CompletedTask;
                }
                var role = user.FindAll(oidc.RoleClaim).Any(c => c.Value == oidc.AdminRoleValue) ? StaffRole.Admin : StaffRole.Staff;
                context.Principal = ConsoleClaims.Create("oidc:" + subject, user.FindFirstValue(oidc.NameClaim) ?? subject, department, role, Scheme, stamp: null);
                return Task.CompletedTask;
            };
        });
    }
}
