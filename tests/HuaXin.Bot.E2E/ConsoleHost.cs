using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.E2E;

/// <summary>The real host over HTTPS (the console's cookies are __Host- and Secure) on a free port, over a fresh
/// database, with a local admin account ("admin", 赵书记, 党委工作部) and a 集团工会 staff account ("union", 王工会), both with
/// the given password.</summary>
internal sealed class ConsoleHost(string password) : TestAppFactory
{
    public string Start()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(SelfSignedCertificate())));
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Console:Accounts:0:UserName", "admin");
        builder.UseSetting("Console:Accounts:0:PasswordHash", ConsoleAccounts.Hash(password));
        builder.UseSetting("Console:Accounts:0:Name", "赵书记");
        builder.UseSetting("Console:Accounts:0:Department", "党委工作部");
        builder.UseSetting("Console:Accounts:0:Role", "Admin");
        builder.UseSetting("Console:Accounts:1:UserName", "union");
        builder.UseSetting("Console:Accounts:1:PasswordHash", ConsoleAccounts.Hash(password));
        builder.UseSetting("Console:Accounts:1:Name", "王工会");
        builder.UseSetting("Console:Accounts:1:Department", "集团工会");
        // Links carry only their path to the test; the port is the free one Kestrel picked.
        builder.UseSetting("Console:PublicBaseUrl", "https://127.0.0.1/");
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the private key in an exportable, persisted form on Linux.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
