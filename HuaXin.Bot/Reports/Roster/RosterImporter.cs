using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Families;
using HuaXin.Bot.People;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Reports.Roster;

/// <summary>Imports the worker roster and family members all-or-nothing: every row is checked first, and only a file
/// without problems is written, in one transaction. Re-importing updates workers by 工号 and members by (工号, 姓名).</summary>
public sealed class RosterImporter(IDbContextFactory<HuaXinDbContext> dbFactory, TimeProvider time, ILogger<RosterImporter> logger)
{
    /// <summary>The columns that hold a worker's id on a chat channel.</summary>
    private static readonly (RosterColumn Column, string Channel)[] IdentityColumns =
        [(RosterColumn.DingTalkId, ChannelNames.DingTalk), (RosterColumn.TeamsId, ChannelNames.Teams)];

    public async Task<RosterImportResult> ImportAsync(RosterTable workers, RosterTable? families, CancellationToken cancellationToken = default)
    {
        var problems = new List<RosterProblem>();
        var workerRows = ValidateWorkers(workers, problems);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Set<Worker>().Include(w => w.FamilyMembers).Include(w => w.ChannelIdentities).AsSplitQuery()
            .ToDictionaryAsync(w => w.StaffId, cancellationToken);
        IdentitiesTaken(workerRows, existing.Values, problems);
        var knownStaffIds = existing.Keys.Concat(workerRows.Select(w => w.StaffId)).ToHashSet();
        var memberRows = families is null ? [] : ValidateFamilies(families, knownStaffIds, problems);
        if (problems.Count > 0)
        {
            return new RosterImportResult(problems, 0, 0, 0, 0);
        }

        int added = 0, updated = 0, membersAdded = 0, membersUpdated = 0;
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in workerRows)
        {
            if (existing.TryGetValue(row.StaffId, out var worker))
            {
                updated++;
            }
            else
            {
                worker = new Worker { StaffId = row.StaffId, Name = row.Name, Unit = row.Unit, RegisteredAt = now };
                db.Add(worker);
                existing[row.StaffId] = worker;
                added++;
            }
            worker.Name = row.Name;
            worker.Unit = row.Unit;
            // Empty optional cells keep what is stored, so a roster without a Teams column does not undo bindings.
            worker.Phone = row.Phone ?? worker.Phone;
            foreach (var (channel, externalId) in row.Identities)
            {
                if (worker.ChannelIdentities.FirstOrDefault(i => i.Channel == channel) is { } identity)
                {
                    identity.ExternalId = externalId;
                }
                else
                {
                    worker.ChannelIdentities.Add(new WorkerChannelIdentity(channel, externalId));
                }
            }
            worker.Hometown = row.Hometown ?? worker.Hometown;
        }
        foreach (var row in memberRows)
        {
            var worker = existing[row.StaffId];
            var member = worker.FamilyMembers.FirstOrDefault(m => m.Name == row.Name);
            if (member is null)
            {
                member = new FamilyMember { Name = row.Name, Relation = row.Relation };
                worker.FamilyMembers.Add(member);
                membersAdded++;
            }
            else
            {
                membersUpdated++;
            }
            member.Relation = row.Relation;
            member.Phone = row.Phone ?? member.Phone;
            member.Address = row.Address ?? member.Address;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Roster imported: {Added} workers added, {Updated} updated, {MembersAdded} family members added, {MembersUpdated} updated",
            added, updated, membersAdded, membersUpdated);
        return new RosterImportResult([], added, updated, membersAdded, membersUpdated);
    }

    private static List<WorkerRow> ValidateWorkers(RosterTable table, List<RosterProblem> problems)
    {
        if (!HasColumns(table, RosterColumn.WorkerColumns, "职工名单", problems))
        {
            return [];
        }
        var rows = new List<WorkerRow>();
        var seen = new Dictionary<string, int>();
        var seenIdentities = new Dictionary<(string, string), int>();
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            TooLong(row, RosterColumn.WorkerColumns, "职工名单", problems);
            var staffId = Required(row, RosterColumn.StaffId, "职工名单", problems);
            var name = Required(row, RosterColumn.WorkerName, "职工名单", problems);
            var unit = Required(row, RosterColumn.Unit, "职工名单", problems);
            var phone = Phone(row, "职工名单", problems);
            if (staffId is not null && !seen.TryAdd(staffId, row.Number))
            {
                problems.Add(new RosterProblem("职工名单", row.Number, RosterColumn.StaffId.Name, $"工号 {staffId} 与第 {seen[staffId]} 行重复"));
            }
            var identities = IdentityColumns.Where(c => row.Get(c.Column) is not null).Select(c => (c.Channel, row.Get(c.Column)!)).ToList();
            foreach (var (column, channel) in IdentityColumns)
            {
                if (row.Get(column) is { } id && !seenIdentities.TryAdd((channel, id), row.Number))
                {
                    problems.Add(new RosterProblem("职工名单", row.Number, column.Name, $"{column.Name} {id} 与第 {seenIdentities[(channel, id)]} 行重复"));
                }
            }
            if (problems.Count == before)
            {
                rows.Add(new WorkerRow(row.Number, staffId!, name!, unit!, phone, identities, row.Get(RosterColumn.Hometown)));
            }
        }
        return rows;
    }

    /// <summary>A chat id belongs to one worker: a row may not give another worker's id unless the file moves that worker to a new one.</summary>
    private static void IdentitiesTaken(List<WorkerRow> rows, IEnumerable<Worker> stored, List<RosterProblem> problems)
    {
        var inFile = rows.ToDictionary(r => r.StaffId);
        var owners = stored.SelectMany(w => w.ChannelIdentities.Select(i => (Key: (i.Channel, i.ExternalId), w.StaffId)))
            .Where(o => !inFile.TryGetValue(o.StaffId, out var row) || !row.Identities.Any(i => i.Channel == o.Key.Channel))
            .ToDictionary(o => o.Key, o => o.StaffId);
        foreach (var row in rows)
        {
            foreach (var identity in row.Identities)
            {
                if (owners.TryGetValue(identity, out var owner) && owner != row.StaffId)
                {
                    var column = IdentityColumns.First(c => c.Channel == identity.Channel).Column;
                    problems.Add(new RosterProblem("职工名单", row.Number, column.Name, $"{column.Name} {identity.ExternalId} 已属于工号 {owner}"));
                }
            }
        }
    }

    private static List<MemberRow> ValidateFamilies(RosterTable table, HashSet<string> knownStaffIds, List<RosterProblem> problems)
    {
        if (!HasColumns(table, RosterColumn.FamilyColumns, "家庭成员", problems))
        {
            return [];
        }
        var rows = new List<MemberRow>();
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            TooLong(row, RosterColumn.FamilyColumns, "家庭成员", problems);
            var staffId = Required(row, RosterColumn.StaffId, "家庭成员", problems);
            var name = Required(row, RosterColumn.MemberName, "家庭成员", problems);
            var relationText = Required(row, RosterColumn.Relation, "家庭成员", problems);
            var phone = Phone(row, "家庭成员", problems);
            if (staffId is not null && !knownStaffIds.Contains(staffId))
            {
                problems.Add(new RosterProblem("家庭成员", row.Number, RosterColumn.StaffId.Name, $"工号 {staffId} 不在职工名单中"));
            }
            var relation = relationText is null ? null : RosterRules.Relation(relationText);
            if (relationText is not null && relation is null)
            {
                problems.Add(new RosterProblem("家庭成员", row.Number, RosterColumn.Relation.Name,
                    $"无法识别的关系“{relationText}”，可填：{string.Join("、", RosterRules.Relations)}"));
            }
            if (problems.Count == before)
            {
                rows.Add(new MemberRow(staffId!, name!, relation!, phone, row.Get(RosterColumn.Address)));
            }
        }
        return rows;
    }

    private static bool HasColumns(RosterTable table, IEnumerable<RosterColumn> columns, string sheet, List<RosterProblem> problems)
    {
        var missing = columns.Where(c => c.Required && !c.IsIn(table.Headers)).ToList();
        problems.AddRange(missing.Select(c => new RosterProblem(sheet, 1, c.Name, "缺少此列")));
        return missing.Count == 0;
    }

    /// <summary>Every value within its column's length, so what is stored is what the pages, exports and chats can show.</summary>
    private static void TooLong(RosterRow row, IEnumerable<RosterColumn> columns, string sheet, List<RosterProblem> problems) =>
        problems.AddRange(columns.Where(c => row.Get(c) is { } value && value.Length > c.MaxLength)
            .Select(c => new RosterProblem(sheet, row.Number, c.Name, $"内容过长，最多 {c.MaxLength} 个字")));

    private static string? Required(RosterRow row, RosterColumn column, string sheet, List<RosterProblem> problems)
    {
        var value = row.Get(column);
        if (value is null)
        {
            problems.Add(new RosterProblem(sheet, row.Number, column.Name, "必填项为空"));
        }
        return value;
    }

    private static string? Phone(RosterRow row, string sheet, List<RosterProblem> problems)
    {
        if (row.Get(RosterColumn.Phone) is not { } text)
        {
            return null;
        }
        var phone = RosterRules.Phone(text);
        if (phone is null)
        {
            problems.Add(new RosterProblem(sheet, row.Number, RosterColumn.Phone.Name, $"电话号码格式不正确：{text}"));
        }
        return phone;
    }

    private sealed record WorkerRow(int Number, string StaffId, string Name, string Unit, string? Phone,
        List<(string Channel, string ExternalId)> Identities, string? Hometown);

    private sealed record MemberRow(string StaffId, string Name, string Relation, string? Phone, string? Address);
}

/// <param name="Sheet">职工名单 or 家庭成员.</param>
/// <param name="Row">Row number as the spreadsheet shows it (header = 1).</param>
public sealed record RosterProblem(string Sheet, int Row, string Field, string Reason);

/// <summary>Nothing was written when <see cref="Problems"/> is not empty.</summary>
public sealed record RosterImportResult(IReadOnlyList<RosterProblem> Problems, int WorkersAdded, int WorkersUpdated, int MembersAdded, int MembersUpdated)
{
    public bool Imported => Problems.Count == 0;
}
