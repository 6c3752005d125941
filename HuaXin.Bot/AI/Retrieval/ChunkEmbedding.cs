using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.AI.Retrieval;

/// <summary>A chunk's embedding, keyed by the model and the hash of what was embedded, so a re-ingested but unchanged
/// chunk is never embedded twice and a changed one is embedded again.</summary>
public sealed class ChunkEmbedding
{
    public required string Model { get; set; }

    /// <summary>SHA-256 (hex) of the embedded text: title, headings and clause text.</summary>
    public required string ContentHash { get; set; }

    /// <summary>float32 little-endian, as the embeddings API sends it.</summary>
    public required byte[] Vector { get; set; }
}

public sealed class ChunkEmbeddingConfiguration : IEntityTypeConfiguration<ChunkEmbedding>
{
    public void Configure(EntityTypeBuilder<ChunkEmbedding> builder)
    {
        builder.ToTable("ChunkEmbeddings");
        builder.HasKey(e => new { e.Model, e.ContentHash });
        builder.Property(e => e.Model).HasMaxLength(200);
        builder.Property(e => e.ContentHash).HasMaxLength(64);
    }
}
