namespace HuaXin.LoadTest;

/// <summary>A process's peak resident memory, VmHWM in /proc/PID/status (Linux).</summary>
public static class PeakMemory
{
    public static long? OfProcess(int? pid)
    {
        if (pid is null)
        {
            return null;
        }
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return null;
        }
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        // "VmHWM:	  123456 kB"
        return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
    }
}
