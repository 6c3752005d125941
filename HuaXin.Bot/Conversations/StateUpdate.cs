using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HuaXin.Bot.Conversations;

/// <summary>The state's conditional update as SQL made once from the model: the same statement
/// <c>ExecuteUpdate</c> would send, without building and looking up its LINQ tree on every turn (about 5% of a turn's
/// CPU in the profile). Table and column names, quoting and the timestamp's stored form come from the model, so the
/// statement follows the provider and any renamed column.</summary>
internal sealed class StateUpdate
{
    private static readonly PerModel<StateUpdate> ByModel = new(db => new StateUpdate(db.Model, db.GetService<ISqlGenerationHelper>()));

    private readonly Func<DateTimeOffset, object> _updatedAt;

    private StateUpdate(IModel model, ISqlGenerationHelper sql)
    {
        var entity = model.FindEntityType(typeof(ConversationStateRow))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        Sql = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {Column(nameof(ConversationStateRow.Json))} = {{0}}, "
            + $"{Column(nameof(ConversationStateRow.Version))} = {{1}}, {Column(nameof(ConversationStateRow.UpdatedAt))} = {{2}} "
            + $"WHERE {Column(nameof(ConversationStateRow.Key))} = {{3}} AND {Column(nameof(ConversationStateRow.Version))} = {{4}}";
        // SQLite stores the timestamp through a converter (HuaXinDbContext); a raw parameter must carry the stored form.
        var converter = entity.FindProperty(nameof(ConversationStateRow.UpdatedAt))!.GetTypeMapping().Converter;
        _updatedAt = converter is null ? at => at : at => converter.ConvertToProvider(at)!;
    }

    /// <summary>Parameters in order: json, new version, updated at (<see cref="UpdatedAt"/>), key, expected version.</summary>
    public string Sql { get; }

    public object UpdatedAt(DateTimeOffset at) => _updatedAt(at);

    /// <summary>The statement for this context's model (one per process, or two in tests running both providers).</summary>
    public static StateUpdate For(HuaXinDbContext db) => ByModel.For(db);
}
