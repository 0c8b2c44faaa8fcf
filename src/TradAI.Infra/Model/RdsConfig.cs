namespace TradAI.Infra.Model;

/// <summary>The PostgreSQL instance (§5.4): size and resilience per environment, password managed and rotated by Secrets Manager.</summary>
public sealed record RdsConfig(
    string Identifier,
    string Engine,
    string EngineVersion,
    string InstanceClass,
    int AllocatedStorageGb,
    bool MultiAz,
    int BackupRetentionDays,
    string DatabaseName,
    string MasterUsername,
    string CredentialsSecretName,
    int PasswordRotationDays,
    bool DeletionProtection);
