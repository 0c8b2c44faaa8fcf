namespace TradAI.Settings.Mixins;

/// <summary>A service's settings that include the MLflow group; code needing MLflow takes this, not a concrete service type.</summary>
public interface IUsesMlflow
{
    MlflowSettings Mlflow { get; }
}
