using Microsoft.EntityFrameworkCore;

namespace Tessera.Storage.Operational;

/// <summary>
/// The workspace's operational data (sources, their dictionaries, wrapped data keys): SQLite in
/// an embedded workspace, PostgreSQL on a server. Person-level data never goes here; it lives in
/// the vault.
/// </summary>
public sealed class OperationalDbContext(DbContextOptions<OperationalDbContext> options) : DbContext(options)
{
    /// <summary>
    /// The sources this context may read (null: all). A global query filter applies it to every
    /// query of <see cref="Sources"/>, so row scoping does not depend on each page remembering it.
    /// </summary>
    public string[]? SourceScope { get; init; }

    /// <summary>Registered sources.</summary>
    public DbSet<SourceRecord> Sources => Set<SourceRecord>();

    /// <summary>Wrapped data keys.</summary>
    public DbSet<DataKeyRecord> DataKeys => Set<DataKeyRecord>();

    /// <summary>Service accounts' API tokens (hashed).</summary>
    public DbSet<ServiceTokenRecord> ServiceTokens => Set<ServiceTokenRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Database.IsNpgsql() ? "tessera_ops" : null);
        modelBuilder.Entity<SourceRecord>(e =>
        {
            e.ToTable("sources");
            e.HasKey(s => s.Name);
            e.HasQueryFilter(s => SourceScope == null || SourceScope.Contains(s.Name));
        });
        modelBuilder.Entity<DataKeyRecord>(e =>
        {
            e.ToTable("data_keys");
            e.HasKey(k => new { k.Source, k.KeyId });
        });
        modelBuilder.Entity<ServiceTokenRecord>(e =>
        {
            e.ToTable("service_tokens");
            e.HasKey(t => t.Name);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.Property(t => t.Scope).HasColumnName("Sources");
        });
    }
}
