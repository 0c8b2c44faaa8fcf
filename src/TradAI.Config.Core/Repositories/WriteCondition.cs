namespace TradAI.Config.Core.Repositories;

/// <summary>
/// The precondition of a write (compare-and-swap): none, "no document exists yet" (S3 <c>If-None-Match: *</c>), or
/// "the stored document is still the one with this entity tag" (S3 <c>If-Match</c>).
/// </summary>
public readonly record struct WriteCondition
{
    private WriteCondition(string? etag, bool mustBeAbsent)
    {
        ETag = etag;
        MustBeAbsent = mustBeAbsent;
    }

    /// <summary>Write whatever is stored (a plain replace).</summary>
    public static WriteCondition None => default;

    /// <summary>Write only if no document has the name.</summary>
    public static WriteCondition IfAbsent => new(null, mustBeAbsent: true);

    /// <summary>The entity tag the stored document must still have, or null.</summary>
    public string? ETag { get; }

    /// <summary>Whether the write requires that no document exists.</summary>
    public bool MustBeAbsent { get; }

    /// <summary>Whether the write is unconditional.</summary>
    public bool IsNone => ETag is null && !MustBeAbsent;

    /// <summary>Write only if the stored document still has <paramref name="etag"/>.</summary>
    public static WriteCondition IfMatch(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        return new(etag, mustBeAbsent: false);
    }

    /// <summary>The condition that the store still holds what was read: <see cref="IfMatch"/> its tag, or <see cref="IfAbsent"/>.</summary>
    public static WriteCondition Unchanged(StoredConfig? read) => read is null ? IfAbsent : IfMatch(read.ETag);

    public override string ToString() => MustBeAbsent ? "if-absent" : ETag is null ? "unconditional" : $"if-match {ETag}";
}
