using TradAI.Deployment.Naming;
using TradAI.Deployment.Profiles;
using TradAI.Settings.Fields;
using TradAI.Settings.Loading;

namespace TradAI.Settings.Services;

/// <summary>Settings of the market-data collector (<see cref="ServiceProfiles.DataCollection"/>, prefix <c>DATA_COLLECTION_</c>): where it writes the data.</summary>
public sealed record DataCollectionSettings : ServiceSettings, ISettings<DataCollectionSettings>
{
    private DataCollectionSettings(SettingValues values)
        : base(values)
    {
        DataBucket = values.Get(Fields.DataBucket);
    }

    /// <summary>Where collected market data goes; defaults to <c>tradai-data-{env}</c>.</summary>
    public string DataBucket { get; }

    public static SettingsSchema<DataCollectionSettings> Schema { get; } =
        SchemaFor(ServiceProfiles.DataCollection, v => new DataCollectionSettings(v))
            .Add(Fields.DataBucket)
            .Build();

    public static new class Fields
    {
        public static readonly SettingField<string> DataBucket = ResourceSettings.Bucket("data_bucket", ResourceKeys.Buckets.Data);
    }
}
