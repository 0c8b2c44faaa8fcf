namespace TradAI.Settings.Fields;

/// <summary>The outcome of turning one raw setting into its typed value: the value, or why it could not be.</summary>
public readonly record struct Parsed<T>(T Value, string? Error)
{
    public bool Ok => Error is null;

    public static Parsed<T> Success(T value) => new(value, null);

    public static Parsed<T> Failure(string error) => new(default!, error);
}
