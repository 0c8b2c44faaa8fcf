using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Validation;

/// <summary>A typed schema a merged config is checked against (the spec's optional Pydantic schema).</summary>
public interface IConfigSchema
{
    /// <summary>Every problem found, each with its path; empty when the config is valid.</summary>
    IReadOnlyList<ValidationProblem> Validate(ConfigMapping config);
}
