namespace HuaXin.Bot.Reports.Export;

/// <summary>A table as pages show it and as it is exported: pages render these, so every table on screen can be downloaded.</summary>
/// <param name="Name">The sheet name (at most 31 characters in Excel).</param>
public sealed record ReportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
