using System.Diagnostics;

namespace HuaXin.Bot.Tests.Resilience;

/// <summary>Busy loops in child processes, one per core at normal priority, for as long as it is not disposed: the
/// service under test then gets about half the CPU it would have, and its timers and leases fire late, as on a busy
/// CI machine.</summary>
public sealed class CpuPressure : IDisposable
{
    private readonly List<Process> _burners;

    private CpuPressure(List<Process> burners) => _burners = burners;

    public static CpuPressure Start() => new(Enumerable.Range(0, Environment.ProcessorCount)
        .Select(_ => Process.Start(new ProcessStartInfo("sh", ["-c", "while :; do :; done"]) { UseShellExecute = false })!)
        .ToList());

    public void Dispose()
    {
        foreach (var burner in _burners)
        {
            burner.Kill();
            burner.WaitForExit();
            burner.Dispose();
        }
    }
}
