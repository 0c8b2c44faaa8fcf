using System.Text.Json.Serialization;

namespace TradAI.Deployment.Tables;

/// <summary>DynamoDB key attribute types.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KeyAttributeType>))]
public enum KeyAttributeType
{
    /// <summary>String (S).</summary>
    [JsonStringEnumMemberName("S")]
    String,

    /// <summary>Number (N).</summary>
    [JsonStringEnumMemberName("N")]
    Number,
}
