namespace TradAI.Settings.Mixins;

/// <summary>A service's settings that include the Cognito group.</summary>
public interface IUsesCognito
{
    CognitoSettings Cognito { get; }
}
