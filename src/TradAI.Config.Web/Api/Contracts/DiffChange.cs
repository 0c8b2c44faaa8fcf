using System.Text.Json.Serialization;

namespace TradAI.Config.Web.Api.Contracts;

/// <summary>A path whose value differs between the two sides of a diff.</summary>
public sealed record DiffChange(
    string Path,
    [property: JsonConverter(typeof(ConfigTreeJsonConverter))] object? Old,
    [property: JsonConverter(typeof(ConfigTreeJsonConverter))] object? New);
