using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace HuaXin.Bot.Tests.Support;

/// <summary>A real PostgreSQL 15 server for the tests: the one named by HUAXIN_TEST_POSTGRES, or a throwaway cluster
/// started from Debian's binaries (installed by scripts/test.sh) on a free loopback port and stopped at exit.
/// There is no fallback: tests that need PostgreSQL fail with a clear message when it cannot be had.</summary>
public static class PostgresServer
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Connection string of a new, empty database on the server.</summary>
    public static string CreateDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(Server.Value))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Server.Value) { Database = name }.ConnectionString;
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        // Only this database's pool: clearing every pool would close the idle connections of tests running alongside.
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        using var connection = new NpgsqlConnection(Server.Value);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    private static string Start()
    {
        var configured = Environment.GetEnvironmentVariable("HUAXIN_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (!File.Exists(Path.Combine(BinDir, "initdb")))
        {
            throw new InvalidOperationException(
                "PostgreSQL 15 is needed for these tests: run scripts/test.sh (it installs it), install postgresql-15, or set HUAXIN_TEST_POSTGRES.");
        }
        // Unique per run: a test host killed before its exit handler leaves its folder behind, and a later process that
        // reuses the id would find initdb refusing a folder that is not empty.
        var dir = Path.Combine(Path.GetTempPath(), $"huaxin-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb refuses to run as root; the cluster belongs to the postgres user.
            Run("chown", $"postgres {dir}");
        }
        Run(asRoot ? "runuser" : Path.Combine(BinDir, "initdb"),
            (asRoot ? $"-u postgres -- {BinDir}/initdb " : "") + $"-D {dir}/data -U postgres -A trust -E UTF8 --locale=C.UTF-8");
        Run(asRoot ? "runuser" : Path.Combine(BinDir, "pg_ctl"),
            (asRoot ? $"-u postgres -- {BinDir}/pg_ctl " : "") +
            $"-D {dir}/data -l {dir}/log -w -t 60 start -o \"-c listen_addresses=127.0.0.1 -p {port} -k {dir} -c fsync=off -c synchronous_commit=off -c max_connections=300\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(asRoot ? "runuser" : Path.Combine(BinDir, "pg_ctl"), (asRoot ? $"-u postgres -- {BinDir}/pg_ctl " : "") + $"-D {dir}/data -m immediate -w stop");
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception)
            {
                // The temp folder is not worth failing the run for.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {stderr.Result}");
        }
    }
}
