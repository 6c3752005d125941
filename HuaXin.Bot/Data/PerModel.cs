using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace HuaXin.Bot.Data;

/// <summary>Something made from an EF Core model and valid only for that model (a compiled query, SQL text): made once
/// per model, so once per process, or once per provider in tests that run both.</summary>
/// <remarks>EF Core refuses to run a compiled query with a model other than the one it first ran with.</remarks>
internal sealed class PerModel<T>(Func<DbContext, T> make)
{
    private readonly ConcurrentDictionary<IModel, T> _made = new(ReferenceEqualityComparer.Instance);

    public T For(DbContext db) => _made.GetOrAdd(db.Model, static (_, state) => state.make(state.db), (make, db));
}
