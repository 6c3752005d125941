namespace HuaXin.Bot.StaffConsole;

/// <summary><c>dotnet run --project HuaXin.Bot -- hash-password</c>: reads a password from stdin (so it stays out of
/// shell history) and prints the hash to put in Console:Accounts:N:PasswordHash.</summary>
public static class HashPasswordCommand
{
    public static int Run()
    {
        if (!Console.IsInputRedirected)
        {
            Console.Error.Write("密码: ");
        }
        var password = Console.ReadLine();
        if (string.IsNullOrEmpty(password) || password.Length < 10)
        {
            Console.Error.WriteLine("密码至少 10 个字符。");
            return 1;
        }
        Console.WriteLine(ConsoleAccounts.Hash(password));
        return 0;
    }
}
