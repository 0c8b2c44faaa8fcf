namespace TradAI.Infra.EnvFiles;

/// <summary>One variable of a service's env file.</summary>
/// <param name="Name">Variable name, with the service's prefix (<c>BACKEND_S3_CONFIG_BUCKET</c>).</param>
/// <param name="Value">The value, or null when it is not known yet (see <paramref name="Availability"/>).</param>
/// <param name="Availability">Whether the value depends on the account or on a deployment.</param>
/// <param name="Origin">Where the value comes from: a config path, a template with <c>{account}</c>, or a stack output.</param>
public sealed record EnvFileEntry(string Name, string? Value, EnvValueAvailability Availability, string Origin);
