namespace HuaXin.Bot.Reports.Archive;

/// <summary>A family's service archive (一户一档): the worker, the family members, every request and every contact on it.</summary>
public sealed record FamilyArchive(
    string StaffId, string WorkerName, string Unit, string? Phone, string? Hometown, DateTimeOffset RegisteredAt,
    IReadOnlyList<ArchiveMember> Members,
    IReadOnlyList<ArchiveRequest> Requests)
{
    /// <summary>The latest contact of any kind, for 动态追踪 (an archive untouched for a quarter counts as not kept, 考核办法 第五条).</summary>
    public DateTimeOffset? LastContactAt => Requests.SelectMany(r => r.Contacts).Select(c => (DateTimeOffset?)c.At).Max();
}

public sealed record ArchiveMember(string Name, string Relation, string? Phone, string? Address);

/// <param name="Requester">Who asked, as the channel shows it.</param>
public sealed record ArchiveRequest(
    string Number, string Category, string Department, string Status, string Requester,
    DateTimeOffset CreatedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ResolvedAt,
    string? Result, string? Rating, string? RatingComment, bool Supervised,
    IReadOnlyList<ArchiveContact> Contacts);

public sealed record ArchiveContact(DateTimeOffset At, string Action, string Status, string Actor, string? Note);
