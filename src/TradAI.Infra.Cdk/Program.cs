using Amazon.CDK;
using TradAI.Config.Core.Errors;
using TradAI.Infra.Cdk;
using TradAI.Infra.Resolution;

// The CDK app: `cdk synth -c environment=dev` (cdk.json runs this), or `tradai infra synth --env dev`.
// The config is resolved (and every override checked) before a single construct is created.
var app = new App();
try
{
    var sources = InfraSources.FromProcess(CdkContextReader.Read(app), Directory.GetCurrentDirectory());
    var config = InfraConfigResolver.Resolve(sources);
    var account = sources.Variable("CDK_DEFAULT_ACCOUNT");
    TradaiStacks.Create(app, config, account);
    app.Synth();
    return 0;
}
catch (TradaiException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
