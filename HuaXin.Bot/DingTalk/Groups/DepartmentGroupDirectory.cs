using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.DingTalk.Groups;

public sealed class DepartmentGroupDirectory(IDbContextFactory<HuaXinDbContext> dbFactory, TimeProvider time) : IDepartmentGroupDirectory
{
    public async Task<string?> FindGroupAsync(string department, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<DepartmentGroupBinding>().Where(b => b.Department == department)
            .Select(b => b.OpenConversationId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DepartmentGroup>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<DepartmentGroupBinding>().OrderBy(b => b.Department)
            .Select(b => new DepartmentGroup(b.Department, b.OpenConversationId, b.ConversationTitle)).ToListAsync(cancellationToken);
    }

    public async Task BindAsync(string department, string openConversationId, string? title, string boundBy, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var binding = await db.Set<DepartmentGroupBinding>().FindAsync([department], cancellationToken);
        if (binding is null)
        {
            binding = new DepartmentGroupBinding { Department = department, OpenConversationId = openConversationId, BoundBy = boundBy };
            db.Add(binding);
        }
        // Rebinding moves the department to the new group: a department has one place where its tickets land.
        binding.OpenConversationId = openConversationId;
        // The group's title is whatever its members named it; the column keeps 200 characters.
        binding.ConversationTitle = title is { Length: > 200 } ? title[..200] : title;
        binding.BoundBy = boundBy;
        binding.BoundAt = time.GetUtcNow();
        // A concurrent first bind of the same department fails here on the key; DingTalk re-delivers and the retry updates.
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> UnbindGroupAsync(string openConversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bindings = await db.Set<DepartmentGroupBinding>().Where(b => b.OpenConversationId == openConversationId).ToListAsync(cancellationToken);
        db.RemoveRange(bindings);
        await db.SaveChangesAsync(cancellationToken);
        return bindings.Select(b => b.Department).Order(StringComparer.Ordinal).ToList();
    }
}
