namespace TradAI.Infra.Model;

/// <summary>One ECR repository; <paramref name="MaxImageCount"/> bounds storage with a lifecycle rule.</summary>
public sealed record EcrRepositoryConfig(string Key, string Name, int MaxImageCount, bool ScanOnPush);
