using System.Text.Json.Serialization;

namespace TradAI.Config.Web.Api.Contracts;

/// <summary>A path that exists on one side of a diff only, with its value there.</summary>
public sealed record DiffValue(string Path, [property: JsonConverter(typeof(ConfigTreeJsonConverter))] object? Value);
